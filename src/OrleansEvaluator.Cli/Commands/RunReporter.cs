using System.Globalization;
using OrleansEvaluator.Grains;
using OrleansEvaluator.Runs;

namespace OrleansEvaluator.Cli.Commands;

/// <summary>Follows a run: one plain line per change of phase, iteration or finished shards; a summary at the end.</summary>
internal static class RunReporter
{
    public static async Task<RunStatus> FollowAsync(IRunCoordinatorGrain run, TextWriter output, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        string? last = null;
        var scored = new HashSet<int>();
        while (true)
        {
            var status = await run.StatusAsync();
            var line = Describe(status);
            if (line != last)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"[{clock.Elapsed:mm\\:ss}] {line}"));
                last = line;
            }
            // Each iteration's scores as soon as its evaluation lands, not only in the summary at the end.
            foreach (var report in status.Reports.Where(r => r.Scores.Count > 0 && scored.Add(r.Iteration)))
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"[{clock.Elapsed:mm\\:ss}] iteration {report.Iteration} scored: {Scores(report)}"));
            if (status.IsFinished)
                return status;
            await Task.Delay(500, cancellationToken);
        }
    }

    public static string Describe(RunStatus s)
    {
        var phase = s.Phase.ToString().ToLowerInvariant();
        var where = s.Phase switch
        {
            RunPhase.Judge or RunPhase.Accept or RunPhase.Train or RunPhase.Publish => $" iteration {s.Iteration}/{s.Iterations}",
            RunPhase.Evaluate => s.Iteration == 0 ? " the first judge" : $" iteration {s.Iteration}/{s.Iterations}",
            _ => "",
        };
        var shards = s.Phase is RunPhase.Synthesize or RunPhase.Judge && s.Shards > 0 ? $": shards {s.ShardsDone}/{s.Shards}" : "";
        var error = s.Error is null ? "" : $" (retrying after: {s.Error})";
        return s.Phase == RunPhase.Failed ? $"failed: {s.Error}" : $"{phase}{where}{shards}{error}";
    }

    public static async Task WriteSummaryAsync(RunStatus s, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        await output.WriteLineAsync(string.Create(c, $"run {s.RunId}: {s.Phase.ToString().ToLowerInvariant()}; instructions {s.Instructions} (malformed lines {s.MalformedLines}), selected {s.Selected}, pairs {s.Pairs}"));
        foreach (var (reason, count) in s.PairFailures.OrderBy(f => f.Key, StringComparer.Ordinal))
            await output.WriteLineAsync(string.Create(c, $"  no pair: {reason} × {count}"));
        foreach (var r in s.Reports)
        {
            var scores = Scores(r);
            if (r.Iteration == 0)
            {
                await output.WriteLineAsync($"  iteration 0 (first judge): {scores}");
                continue;
            }
            await output.WriteLineAsync(string.Create(c,
                $"  iteration {r.Iteration}: judged {r.Pairs} pairs ({r.Samples} samples, {r.CorrectSamples} correct, {r.ParseFailures} unparseable, A/B {r.VerdictsA}/{r.VerdictsB}), accepted {r.Accepted} ({r.AcceptanceRate:P1}){(r.Exercises > 0 ? $" + {r.Exercises} exercises" : "")}{(r.Replayed > 0 ? $" + {r.Replayed} replayed" : "")}, train loss {r.TrainLoss:F4} in {r.TrainSteps} steps; {scores}"));
        }
    }

    /// <summary>An iteration's accuracy per benchmark: <c>bench 61.2%, other 55.0%</c>.</summary>
    public static string Scores(IterationReport report) =>
        string.Join(", ", report.Scores.Select(b => string.Create(CultureInfo.InvariantCulture, $"{b.Benchmark} {Percent(b.Accuracy)}")));

    private static string Percent(double? value) => value is { } v ? (v * 100).ToString("F1", CultureInfo.InvariantCulture) + "%" : "n/a";
}
