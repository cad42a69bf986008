using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using OrleansEvaluator.Core.Formats;
using OrleansEvaluator.Core.Metrics;
using OrleansEvaluator.Runs;

namespace OrleansEvaluator.Cli.Commands;

/// <summary><c>oeval eval</c>: scores any GGUF judge on pairwise benchmark files, locally on one engine (no cluster).</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var benchmarks = new Option<string[]>("--benchmark", "-b")
        {
            Description = "Pairwise benchmark file(s) (the ../shared/benchmarks schema); ties are skipped.", Required = true, AllowMultipleArgumentsPerToken = true,
        };
        var bothOrders = new Option<bool>("--both-orders") { Description = "Judge every item in both orders (the default; gives consistency and flip rate)." };
        var oneOrder = new Option<bool>("--one-order") { Description = "Judge every item once, in an order chosen per item from the seed." };
        var maxItems = new Option<int>("--max-items") { Description = "At most this many items per benchmark (a seeded choice); 0 keeps all." };
        var output = new Option<FileInfo?>("--out", "-o") { Description = "Write every judgment as an evaluation row (JSONL)." };
        var json = new Option<bool>("--json") { Description = "Print the scores as JSON (an array, one per benchmark) instead of text." };
        var judge = new JudgeOptionSet("Seed of the per-item order choice and request seeds (as a run's seed).");

        var command = new Command("eval", "Score a GGUF judge on pairwise benchmarks: accuracy, position consistency, parse failures.")
        {
            benchmarks, bothOrders, oneOrder, maxItems, output, json,
        };
        judge.AddTo(command);
        command.SetAction((parse, ct) => CliErrors.RunAsync(async () =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(bothOrders) && parse.GetValue(oneOrder))
                throw new ArgumentException("--both-orders and --one-order: give at most one.");
            var both = !parse.GetValue(oneOrder);
            var max = parse.GetValue(maxItems);
            if (max < 0)
                throw new ArgumentException($"--max-items: must not be negative (got {max}).");
            var settings = judge.Read(parse);
            var files = parse.GetValue(benchmarks)!;
            var outFile = parse.GetValue(output);

            // Every file is read (and checked) before the model loads.
            var inputs = files.Select(f => (Name: Path.GetFileNameWithoutExtension(f), Read: LocalEvaluation.ReadBenchmark(f, max, settings.Seed))).ToArray();
            if (inputs.GroupBy(i => i.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
                throw new ArgumentException($"--benchmark: two files are named '{twice.Key}'; benchmarks are told apart by file name.");

            await using var local = await LocalJudge.OpenAsync(settings, ct);
            var runs = new List<BenchmarkRun>();
            foreach (var (name, (items, ties)) in inputs)
                runs.Add(await LocalEvaluation.RunAsync(local, name, items, ties, both, ct));

            var artifact = "";
            if (outFile is not null)
            {
                JsonlFile.Write(outFile.FullName, runs.SelectMany(r => r.Rows));
                artifact = outFile.FullName;
            }
            var scores = runs.Select(r => BenchmarkScorer.Of(r.Name, r.Items, r.Rows, artifact, settings.Votes)).ToArray();
            if (parse.GetValue(json))
            {
                await stdout.WriteLineAsync(JsonSerializer.Serialize(scores, CliJson.Options));
                return 0;
            }
            for (var i = 0; i < runs.Count; i++)
                await WriteAsync(stdout, runs[i], scores[i], settings.Votes, both);
            if (outFile is not null)
                await stdout.WriteLineAsync($"rows: {runs.Sum(r => r.Rows.Count)} written to {outFile.FullName}");
            await stdout.WriteLineAsync(Summary(scores));
            return 0;
        }, parse.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>The last line: the mean accuracy over the benchmarks that have one, each listed when there are several.</summary>
    internal static string Summary(IReadOnlyList<BenchmarkScore> scores)
    {
        var scored = scores.Where(s => s.Accuracy is not null).ToArray();
        var mean = scored.Length == 0 ? (double?)null : scored.Average(s => s.Accuracy!.Value);
        var each = scores.Count > 1 ? "; " + string.Join(", ", scores.Select(s => $"{s.Benchmark} {Percent(s.Accuracy)}")) : "";
        return string.Create(CultureInfo.InvariantCulture, $"eval: accuracy {Percent(mean)} ({scores.Sum(s => s.Items)} items{each})");
    }

    private static async Task WriteAsync(TextWriter output, BenchmarkRun run, BenchmarkScore score, int votes, bool both)
    {
        var c = CultureInfo.InvariantCulture;
        var rate = run.Seconds > 0 ? run.Rows.Count / run.Seconds : 0;
        var shape = (both ? "2 orders" : "1 order") + (votes > 1 ? $" × {votes} votes" : "");
        await output.WriteLineAsync(string.Create(c,
            $"{run.Name}: {run.Items} items ({run.Ties} ties skipped), {run.Rows.Count} judgments ({shape}) in {run.Seconds:F1} s, {rate:F1} judgments/s"));
        await output.WriteLineAsync($"  accuracy {Percent(score.Accuracy)}" + (votes > 1 ? $" (majority of {votes} votes per item and order; a split counts 0.5)" : ""));
        if (score.Subsets.Count > 0)
            await output.WriteLineAsync("  subsets: " + string.Join(", ", score.Subsets.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} {Percent(s.Value)}")));
        if (both)
            await output.WriteLineAsync($"  consistent accuracy {Percent(score.ConsistentAccuracy)}, flip rate {Percent(score.FlipRate)}");
        var unit = votes > 1 ? "voted verdicts" : "verdicts";
        await output.WriteLineAsync(string.Create(c, $"  {unit}: A {score.VerdictsA}, B {score.VerdictsB}, parse failures {score.ParseFailures}"));
        if (votes > 1)
        {
            var skew = VerdictSkew.Of(run.Rows.Select(r => r.Verdict));
            await output.WriteLineAsync(string.Create(c, $"  samples: A {skew.VerdictsA}, B {skew.VerdictsB}, without verdict {skew.WithoutVerdict}"));
        }
        foreach (var (reason, count) in run.NotJudged.OrderBy(r => r.Key, StringComparer.Ordinal))
            await output.WriteLineAsync(string.Create(c, $"  not judged (scored as parse failures): {count} × {reason}"));
    }

    private static string Percent(double? value) => value is { } v ? (v * 100).ToString("F1", CultureInfo.InvariantCulture) + "%" : "n/a";
}
