using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using OrleansEvaluator.Core.Metrics;
using OrleansEvaluator.Data;

namespace OrleansEvaluator.Cli.Commands;

/// <summary><c>oeval judge</c>: one ad-hoc judgment of answer A against answer B by any GGUF judge.</summary>
internal static class JudgeCommand
{
    public static Command Create()
    {
        var instruction = TextOption("instruction", "The question or task both answers respond to.");
        var a = TextOption("a", "Answer A (shown first).");
        var b = TextOption("b", "Answer B (shown second).");
        var json = new Option<bool>("--json") { Description = "Print the samples and the verdict as JSON." };
        var judge = new JudgeOptionSet("Sampler seed; vote i uses seed + i.");

        var command = new Command("judge", "Judge answer A against answer B for an instruction with a GGUF judge; K votes and their majority.")
        {
            instruction.Text, instruction.File, a.Text, a.File, b.Text, b.File, json,
        };
        judge.AddTo(command);
        command.SetAction((parse, ct) => CliErrors.RunAsync(async () =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var texts = (Instruction: Read(parse, instruction), A: Read(parse, a), B: Read(parse, b));
            var settings = judge.Read(parse);
            await using var local = await LocalJudge.OpenAsync(settings, ct);
            var result = await local.JudgeAsync(local.Request(texts.Instruction, texts.A, texts.B, settings.Seed), ct);

            var samples = result.Samples.Select(s =>
            {
                var parsed = local.Prompt.Parse(s.Text);
                return new JudgeSampleOutput(s.Index, s.Text, parsed.Verdict, parsed.Failure, s.Finish, s.TokenIds.Count);
            }).ToArray();
            var vote = new MajorityVerdict("", "", "", PresentationOrder.ChosenFirst,
                samples.Count(s => s.Verdict == Verdict.A), samples.Count(s => s.Verdict == Verdict.B), samples.Count(s => s.Verdict is null));
            if (parse.GetValue(json))
            {
                var output = new JudgeOutput(vote.Verdict, vote.VotesA, vote.VotesB, vote.WithoutVerdict, local.Prompt.Template.Id, samples);
                await stdout.WriteLineAsync(JsonSerializer.Serialize(output, CliJson.Options));
                return 0;
            }
            var c = CultureInfo.InvariantCulture;
            foreach (var s in samples)
            {
                var verdict = s.Verdict is { } v ? v.ToString() : $"no verdict ({s.Failure})";
                await stdout.WriteLineAsync(string.Create(c, $"--- sample {s.Index} ({s.Finish}, {s.Tokens} tokens): {verdict}"));
                await stdout.WriteLineAsync(s.Text);
            }
            await stdout.WriteLineAsync(vote.Verdict is { } winner
                ? string.Create(c, $"verdict: {winner} ({(winner == Verdict.A ? vote.VotesA : vote.VotesB)} of {vote.Samples})")
                : string.Create(c, $"verdict: no verdict (A {vote.VotesA}, B {vote.VotesB}, none {vote.WithoutVerdict} of {vote.Samples})"));
            return 0;
        }, parse.InvocationConfiguration.Error));
        return command;
    }

    private static (Option<string?> Text, Option<FileInfo?> File) TextOption(string name, string description) =>
        (new Option<string?>($"--{name}") { Description = description },
         new Option<FileInfo?>($"--{name}-file") { Description = $"Read --{name} from a file (UTF-8), for long texts." });

    /// <summary>The text of exactly one of <c>--name</c> and <c>--name-file</c>.</summary>
    private static string Read(ParseResult parse, (Option<string?> Text, Option<FileInfo?> File) option)
    {
        var text = parse.GetValue(option.Text);
        var file = parse.GetValue(option.File);
        if (text is null == file is null)
            throw new ArgumentException($"{option.Text.Name}: give it or {option.File.Name} (exactly one).");
        if (file is null)
            return text!;
        if (!file.Exists)
            throw new FileNotFoundException($"{option.File.Name}: no such file: {file.FullName}", file.FullName);
        return File.ReadAllText(file.FullName);
    }
}
