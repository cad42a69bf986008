using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using OrleansEvaluator.Generation;
using OrleansEvaluator.Inference.Configuration;
using OrleansEvaluator.Inference.Grammars;
using OrleansEvaluator.Inference.Llama;

namespace OrleansEvaluator.Cli.Commands;

/// <summary><c>oeval generate</c>: samples completions of one prompt from a GGUF model.</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var model = new Option<FileInfo>("--model", "-m") { Description = "GGUF model file.", Required = true };
        var prompt = new Option<string>("--prompt", "-p") { Description = "Prompt text.", Required = true };
        var chat = new Option<bool>("--chat") { Description = "Send the prompt as a user turn through the model's chat template." };
        var samples = new Option<int>("--samples", "-n") { Description = "Completions of the prompt (decoded once, forked).", DefaultValueFactory = _ => 1 };
        var maxTokens = new Option<int>("--max-tokens") { Description = "New tokens per sample at most.", DefaultValueFactory = _ => 128 };
        var temperature = new Option<float>("--temperature", "-t") { Description = "0 = greedy.", DefaultValueFactory = _ => 0f };
        var topP = new Option<float>("--top-p") { Description = "Nucleus sampling mass.", DefaultValueFactory = _ => 1f };
        var seed = new Option<uint>("--seed", "-s") { Description = "Sampler seed; sample i uses seed + i.", DefaultValueFactory = _ => 0u };
        var stop = new Option<string[]>("--stop") { Description = "Stop string (repeatable).", AllowMultipleArgumentsPerToken = false };
        var grammar = new Option<string?>("--grammar", "-g") { Description = $"'{VerdictGrammar.Name}' (reasoning, then exactly one [[A]] or [[B]]) or a .gbnf file." };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var threads = CommonOptions.Threads();
        var verbose = CommonOptions.Verbose();

        var command = new Command("generate", "Generate completions of a prompt with a GGUF model.")
        {
            model, prompt, chat, samples, maxTokens, temperature, topP, seed, stop, grammar, json, threads, verbose,
        };
        command.SetAction((parse, ct) => CliErrors.RunAsync(async () =>
        {
            var maxNew = parse.GetValue(maxTokens);
            var n = parse.GetValue(samples);
            var request = new GenerationRequest
            {
                Model = "model",
                Prompt = parse.GetValue(chat) ? null : parse.GetValue(prompt),
                Messages = parse.GetValue(chat) ? [ChatMessage.User(parse.GetValue(prompt)!)] : null,
                Samples = n, MaxTokens = maxNew, Temperature = parse.GetValue(temperature), TopP = parse.GetValue(topP),
                Seed = parse.GetValue(seed), Stop = parse.GetValue(stop) ?? [],
                Grammar = ResolveGrammar(parse.GetValue(grammar), maxNew),
            };
            request.EnsureValid();

            using var loggers = CommonOptions.Loggers(parse.GetValue(verbose));
            var options = new LlamaEngineOptions
            {
                Threads = parse.GetValue(threads),
                MaxSequences = Math.Clamp(n, 1, LlamaEngineOptions.SequenceLimit),
                ContextSize = 8192,
            };
            await using var engine = LlamaEngine.Create(options, loggers);
            await engine.LoadAsync("model", parse.GetValue(model)!.FullName, ct);
            var sw = Stopwatch.StartNew();
            var result = await engine.GenerateAsync(request, ct);
            var seconds = sw.Elapsed.TotalSeconds;
            var writer = parse.InvocationConfiguration.Output;

            if (parse.GetValue(json))
            {
                writer.WriteLine(JsonSerializer.Serialize(result, CliJson.Options));
                return 0;
            }
            foreach (var s in result.Samples)
            {
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"--- sample {s.Index} ({s.Finish}, {s.TokenIds.Count} tokens)"));
                writer.WriteLine(s.Text);
            }
            var u = result.Usage;
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"usage: prompt {u.PromptTokens}, cached {u.CachedPromptTokens}, generated {u.GeneratedTokens} tokens in {seconds:F2} s ({u.GeneratedTokens / seconds:F0} tok/s)"));
            return 0;
        }));
        return command;
    }

    private static string? ResolveGrammar(string? value, int maxTokens)
    {
        if (value is null)
            return null;
        if (value == VerdictGrammar.Name)
        {
            return maxTokens > VerdictGrammar.ReservedTokens
                ? VerdictGrammar.ForMaxTokens(maxTokens)
                : throw new ArgumentException($"--max-tokens: must exceed {VerdictGrammar.ReservedTokens} with --grammar {VerdictGrammar.Name} (got {maxTokens}).");
        }
        if (!File.Exists(value))
            throw new FileNotFoundException($"--grammar: '{value}' is neither '{VerdictGrammar.Name}' nor an existing .gbnf file.", value);
        return File.ReadAllText(value);
    }
}
