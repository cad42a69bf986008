using OrleansEvaluator.Runs;

namespace OrleansEvaluator.Reporting;

/// <summary>
/// The numbers of a run's report, computed once from its <see cref="RunStatus"/> by
/// <see cref="RunReportBuilder"/>; the JSON, the markdown and the
/// charts are all written from this one model.
/// </summary>
public sealed record RunReport
{
    /// <summary>The run id.</summary>
    public required string RunId { get; init; }

    /// <summary>The run's phase when the report was made.</summary>
    public RunPhase Phase { get; init; }

    /// <summary>The current iteration.</summary>
    public int Iteration { get; init; }

    /// <summary>Iterations configured.</summary>
    public int Iterations { get; init; }

    /// <summary>The last error, when there is one.</summary>
    public string? Error { get; init; }

    /// <summary>Instructions read, after de-duplication.</summary>
    public int Instructions { get; init; }

    /// <summary>Malformed lines skipped in the inputs.</summary>
    public int MalformedLines { get; init; }

    /// <summary>Instructions selected.</summary>
    public int Selected { get; init; }

    /// <summary>Pairs built.</summary>
    public int Pairs { get; init; }

    /// <summary>Instructions without a pair, by reason (ordinal order).</summary>
    public IReadOnlyDictionary<string, int> PairFailures { get; init; } = new Dictionary<string, int>();

    /// <summary>Share of pairs with a truly better chosen answer; null when not measured.</summary>
    public double? LabelQuality { get; init; }

    /// <summary>The seed model's accuracy per benchmark; null when not measured.</summary>
    public IReadOnlyDictionary<string, double?>? SeedAccuracy { get; init; }

    /// <summary>One row per iteration, the first judge's (0) first.</summary>
    public IReadOnlyList<IterationRow> PerIteration { get; init; } = [];

    /// <summary>One table per benchmark, in ordinal order of names.</summary>
    public IReadOnlyList<BenchmarkTable> Benchmarks { get; init; } = [];
}
