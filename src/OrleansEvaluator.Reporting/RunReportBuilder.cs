using OrleansEvaluator.Runs;

namespace OrleansEvaluator.Reporting;

/// <summary>Computes a <see cref="RunReport"/> from a <see cref="RunStatus"/>.</summary>
public static class RunReportBuilder
{
    /// <summary>The report of <paramref name="status"/>, with the optional numbers of <paramref name="extras"/>.</summary>
    public static RunReport Build(RunStatus status, RunReportExtras? extras = null)
    {
        ArgumentNullException.ThrowIfNull(status);
        var reports = status.Reports.OrderBy(r => r.Iteration).ToArray();
        return new RunReport
        {
            RunId = status.RunId,
            Phase = status.Phase,
            Iteration = status.Iteration,
            Iterations = status.Iterations,
            Error = status.Error,
            Instructions = status.Instructions,
            MalformedLines = status.MalformedLines,
            Selected = status.Selected,
            Pairs = status.Pairs,
            PairFailures = Sorted(status.PairFailures),
            LabelQuality = extras?.LabelQuality,
            SeedAccuracy = extras?.SeedAccuracy is { } seed
                ? seed.OrderBy(s => s.Key, StringComparer.Ordinal).ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal)
                : null,
            PerIteration = [.. reports.Select(Row)],
            Benchmarks = Tables(reports),
        };
    }

    private static IterationRow Row(IterationReport r)
    {
        // Iteration 0 only scores the first judge: it has nothing judged, accepted or trained, and a 0 there would
        // read as a measurement.
        if (r.Iteration == 0)
            return new IterationRow { Iteration = 0, JudgeModel = r.JudgeModel };
        var parsed = r.VerdictsA + r.VerdictsB;
        // Until training ends an iteration has no loss and its step count means nothing yet.
        var trained = r.TrainLoss is not null || r.TrainSteps > 0;
        return new IterationRow
        {
            Iteration = r.Iteration,
            JudgeModel = r.JudgeModel,
            Pairs = r.Pairs,
            Samples = r.Samples,
            CorrectSamples = r.CorrectSamples,
            Correct = Share(r.CorrectSamples, r.Samples),
            ParseFailures = r.ParseFailures,
            VerdictsA = r.VerdictsA,
            VerdictsB = r.VerdictsB,
            AbSkew = Share(r.VerdictsA, parsed),
            Accepted = r.Accepted,
            AcceptanceRate = r.Pairs > 0 ? r.AcceptanceRate : null,
            Exercises = r.Accepted > 0 ? r.Exercises : null,
            Replayed = r.Accepted > 0 ? r.Replayed : null,
            Drops = Sorted(r.Drops),
            JudgeSeconds = r.JudgeSeconds > 0 ? r.JudgeSeconds : null,
            JudgmentsPerSecond = r.JudgeSeconds > 0 ? r.Samples / r.JudgeSeconds : null,
            TrainedModel = r.TrainedModel,
            TrainLoss = r.TrainLoss,
            TrainSteps = trained ? r.TrainSteps : null,
            TrainSeconds = trained && r.TrainSeconds > 0 ? r.TrainSeconds : null,
        };
    }

    private static BenchmarkTable[] Tables(IReadOnlyList<IterationReport> reports)
    {
        var names = reports.SelectMany(r => r.Scores).Select(s => s.Benchmark).Distinct().Order(StringComparer.Ordinal);
        return [.. names.Select(name =>
        {
            var subsets = reports.SelectMany(r => r.Scores).Where(s => s.Benchmark == name)
                .SelectMany(s => s.Subsets.Keys).Distinct().Order(StringComparer.Ordinal).ToArray();
            // A row for every iteration, so each table lines up with the iteration table even where a judge was
            // not scored (a run stopped mid-evaluation).
            var rows = reports.Select(r =>
            {
                var score = r.Scores.FirstOrDefault(s => s.Benchmark == name);
                return new BenchmarkRow
                {
                    Iteration = r.Iteration,
                    Items = score?.Items,
                    Accuracy = score?.Accuracy,
                    ConsistentAccuracy = score?.ConsistentAccuracy,
                    FlipRate = score?.FlipRate,
                    ParseFailures = score?.ParseFailures,
                    Subsets = subsets.ToDictionary(k => k,
                        k => score is not null && score.Subsets.TryGetValue(k, out var a) ? a : (double?)null, StringComparer.Ordinal),
                };
            });
            return new BenchmarkTable { Benchmark = name, Subsets = subsets, Rows = [.. rows] };
        })];
    }

    private static double? Share(int part, int whole) => whole > 0 ? (double)part / whole : null;

    private static Dictionary<string, int> Sorted(IReadOnlyDictionary<string, int> counts) =>
        counts.OrderBy(c => c.Key, StringComparer.Ordinal).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
}
