using System.Globalization;
using OrleansEvaluator.Core.Formats;
using OrleansEvaluator.Core.Import;
using OrleansEvaluator.Core.TinyWorld;
using OrleansEvaluator.Data;
using OrleansEvaluator.Generation;

namespace OrleansEvaluator.Cli.Tests;

/// <summary><c>oeval data tinyworld</c>: the world's files, readable by the commands that take them.</summary>
public sealed class DataCommandTests
{
    [Fact]
    public async Task Tinyworld_writes_the_pool_the_benchmark_the_seed_rows_and_right_ground_truth_judgments()
    {
        var folder = Oeval.Folder("tinyworld");

        var (exit, output, error) = await Oeval.RunAsync("data", "tinyworld", "--out", folder, "--seed", "3", "--judgments", "200");

        Assert.True(exit == 0, error);
        var world = new TinyWorldGenerator(new TinyWorldOptions { Seed = 3 });
        Assert.Contains($"instructions.jsonl: {world.InstructionPool().Count} records", output, StringComparison.Ordinal);
        Assert.Contains($"tinyworld-heldout.jsonl: {world.Benchmark().Count} records", output, StringComparison.Ordinal);
        var check = DataFileChecker.Check(Path.Combine(folder, "instructions.jsonl"));
        Assert.Equal((DataFileKind.Instructions, world.InstructionPool().Count, 0), (check.Kind, check.Records, check.Issues.Count));
        check = DataFileChecker.Check(Path.Combine(folder, "tinyworld-heldout.jsonl"));
        Assert.Equal((DataFileKind.Pairwise, 0), (check.Kind, check.Issues.Count));

        var seedRows = JsonlFile.Read<SftExample>(Path.Combine(folder, "seed-sft.jsonl"), MalformedLinePolicy.Fail).Records;
        Assert.Equal(world.Options.AnsweringExamples + world.Options.ModificationExamples, seedRows.Count);
        // Never a judgment: no target is a verdict, and labels show only in the judge layout some questions are asked in.
        Assert.DoesNotContain(seedRows, r => r.Target.Contains("[[A]]", StringComparison.Ordinal) || r.Target.Contains("[[B]]", StringComparison.Ordinal));
        Assert.All(seedRows.Where(r => r.Prompt.Contains("[[A]]", StringComparison.Ordinal)),
            r => Assert.Matches(@"^answer: \S+ \[\[A\]\] answer: \S+ \[\[B\]\] question: .+ answer:$", r.Prompt));

        var judgments = JsonlFile.Read<SftExample>(Path.Combine(folder, "judgments-sft.jsonl"), MalformedLinePolicy.Fail).Records;
        Assert.Equal(200, judgments.Count);
        Assert.All(judgments, r => Assert.True(r.AnswerOnlyLoss));
        Assert.Equal(["[[A]]", "[[B]]"], judgments.Select(r => r.Target[^5..]).Distinct().Order(StringComparer.Ordinal));
        // Every judgment states the answer the world says is right for the question, then points at it.
        Assert.All(judgments, r =>
        {
            var (question, a, b) = Split(r.Prompt);
            var pickA = r.Target.EndsWith("[[A]]", StringComparison.Ordinal);
            var (right, wrong) = pickA ? (a, b) : (b, a);
            Assert.True(world.Oracle.IsCorrect(question, right) && !world.Oracle.IsCorrect(question, wrong), r.Prompt + " " + r.Target);
            Assert.Equal($"{right} [[{(pickA ? 'A' : 'B')}]]", r.Target);
        });

        (exit, _, error) = await Oeval.RunAsync("data", "tinyworld", "--out", folder, "--seed", "3", "--judgments", "20", "--verdict-only");
        Assert.True(exit == 0, error);
        Assert.All(JsonlFile.Read<SftExample>(Path.Combine(folder, "judgments-sft.jsonl"), MalformedLinePolicy.Fail).Records,
            r => Assert.True(r.Target is "[[A]]" or "[[B]]", r.Target));
        Assert.False(File.Exists(Path.Combine(folder, "lookups-sft.jsonl")));
    }

    [Theory]
    [InlineData("--lookups", "lookups-sft.jsonl", "near-numbers-sft.jsonl")]
    [InlineData("--near-numbers", "near-numbers-sft.jsonl", "lookups-sft.jsonl")]
    public async Task Tinyworld_exercises_state_a_response_and_target_its_label(string option, string file, string notWritten)
    {
        var folder = Oeval.Folder("tinyworld" + option);

        var (exit, output, error) = await Oeval.RunAsync("data", "tinyworld", "--out", folder, "--seed", "3", "--judgments", "10", option, "300");

        Assert.True(exit == 0, error);
        Assert.Contains(file + ": 300 records", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, notWritten)));
        var rows = JsonlFile.Read<SftExample>(Path.Combine(folder, file), MalformedLinePolicy.Fail).Records;
        Assert.All(rows, r =>
        {
            Assert.True(r.AnswerOnlyLoss);
            var stated = r.Prompt[(r.Prompt.LastIndexOf(' ') + 1)..];
            var (_, a, b) = Split(r.Prompt[..r.Prompt.LastIndexOf(' ')]);
            Assert.NotEqual(a, b);
            Assert.Equal(stated == a ? "[[A]]" : stated == b ? "[[B]]" : "neither", r.Target);
            if (option == "--near-numbers")
                Assert.InRange(Math.Abs(int.Parse(a, CultureInfo.InvariantCulture) - int.Parse(b, CultureInfo.InvariantCulture)), 1, 3);
        });
        Assert.InRange(rows.Count(r => r.Target == "[[A]]"), 110, 190);

        (exit, _, error) = await Oeval.RunAsync("data", "tinyworld", "--out", folder, "--judgments", "10", option + "=-1");
        Assert.Equal(2, exit);
        Assert.Contains(option + ": must not be negative (got -1)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tinyworld_world_size_options_shape_the_pool_and_a_bad_size_names_its_option()
    {
        var folder = Oeval.Folder("tinyworld-size");

        var (exit, output, error) = await Oeval.RunAsync("data", "tinyworld", "--out", folder, "--judgments", "0", "--max-number", "6", "--categories", "3");

        Assert.True(exit == 0, error);
        var world = new TinyWorldGenerator(new TinyWorldOptions { Seed = 7, MaxNumber = 6, CategoryCount = 3 });
        var pool = InstructionReader.Read(Path.Combine(folder, "instructions.jsonl"), MalformedLinePolicy.Fail).Instructions;
        Assert.Equal(world.InstructionPool().Select(i => i.Text), pool.Select(i => i.Text));
        Assert.Contains($"tinyworld-heldout.jsonl: {world.Benchmark().Count} records", output, StringComparison.Ordinal);
        // Numbers stop at 6; naming asks for the first three categories only.
        var numbers = pool.SelectMany(i => i.Text.Split(' ')).Where(w => int.TryParse(w, CultureInfo.InvariantCulture, out _)).Select(int.Parse).ToList();
        Assert.Equal(6, numbers.Max());
        var named = pool.Where(i => i.Text.StartsWith("name ", StringComparison.Ordinal)).Select(i => i.Text["name ".Length..]).ToList();
        Assert.NotEmpty(named);
        Assert.All(named, n => Assert.True(n is "a fruit" or "a mammal" or "a color", n));

        foreach (var (option, value, message) in new[] { ("--max-number", "100", "must be in [4, 99] (got 100)"), ("--categories", "2", "must be in [3, 16] (got 2)") })
        {
            (exit, _, error) = await Oeval.RunAsync("data", "tinyworld", "--out", folder, "--judgments", "0", option, value);
            Assert.Equal(2, exit);
            Assert.Contains($"{option}: {message}", error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Tinyworld_documents_repeats_and_questions_after_responses_shape_the_seed_rows_and_a_bad_share_names_its_option()
    {
        var folder = Oeval.Folder("tinyworld-documents");

        var (exit, _, error) = await Oeval.RunAsync("data", "tinyworld", "--out", folder, "--judgments", "0", "--documents", "0.5", "--repeats", "1");

        Assert.True(exit == 0, error);
        var answers = JsonlFile.Read<SftExample>(Path.Combine(folder, "seed-sft.jsonl"), MalformedLinePolicy.Fail).Records
            .Where(r => r.Id.StartsWith("tw-answer-", StringComparison.Ordinal)).ToList();
        // Documents: answered questions before the asked one, counting the answer alone; with repeats, the asked one
        // among them, answered with the target.
        var documents = answers.Where(r => r.Prompt.Split("question: ").Length > 2).ToList();
        Assert.InRange(documents.Count, answers.Count * 4 / 10, answers.Count * 6 / 10);
        Assert.All(documents, r => Assert.True(r.AnswerOnlyLoss));
        Assert.All(answers.Except(documents), r => Assert.False(r.AnswerOnlyLoss));
        Assert.All(documents, r => Assert.Contains(r.Prompt[r.Prompt.LastIndexOf("question: ", StringComparison.Ordinal)..] + " " + r.Target + " ", r.Prompt, StringComparison.Ordinal));

        (exit, _, error) = await Oeval.RunAsync("data", "tinyworld", "--out", folder, "--judgments", "0", "--after-responses", "1");
        Assert.True(exit == 0, error);
        answers = JsonlFile.Read<SftExample>(Path.Combine(folder, "seed-sft.jsonl"), MalformedLinePolicy.Fail).Records
            .Where(r => r.Id.StartsWith("tw-answer-", StringComparison.Ordinal)).ToList();
        // Every lone question after two responses in the judge layout, counting every token (the seed reads the layout).
        Assert.All(answers, r => Assert.Matches(@"^answer: \S+ \[\[A\]\] answer: \S+ \[\[B\]\] question: .+ answer:$", r.Prompt));
        Assert.All(answers, r => Assert.False(r.AnswerOnlyLoss));

        foreach (var (option, value) in new[] { ("--documents", "1.5"), ("--repeats", "-0.5"), ("--after-responses", "2") })
        {
            (exit, _, error) = await Oeval.RunAsync("data", "tinyworld", "--out", folder, "--judgments", "0", option, value);
            Assert.Equal(2, exit);
            Assert.Contains($"{option}: must be in [0, 1] (got {value})", error, StringComparison.Ordinal);
        }
    }

    // "answer: X [[A]] answer: Y [[B]] question: Q answer:" as the raw chat format renders the TinyWorld judge template.
    private static (string Question, string A, string B) Split(string prompt)
    {
        Assert.Equal("answer: x [[A]] answer: y [[B]] question: q answer:", RawPrompt.Render(TinyWorldTemplates.Judge.Format("q", "x", "y")));
        var a = prompt["answer: ".Length..prompt.IndexOf(" [[A]] answer: ", StringComparison.Ordinal)];
        var b = prompt[(prompt.IndexOf(" [[A]] answer: ", StringComparison.Ordinal) + 15)..prompt.IndexOf(" [[B]] question: ", StringComparison.Ordinal)];
        var question = prompt[(prompt.IndexOf(" [[B]] question: ", StringComparison.Ordinal) + 17)..prompt.LastIndexOf(" answer:", StringComparison.Ordinal)];
        return (question, a, b);
    }
}
