namespace OrleansEvaluator.Reporting;

/// <summary>One iteration's judge on one benchmark; every number null when that judge was not scored on it.</summary>
public sealed record BenchmarkRow
{
    /// <summary>0 for the first judge, then the judge trained in iteration 1, 2, ….</summary>
    public required int Iteration { get; init; }

    /// <summary>Items judged (ties excluded).</summary>
    public int? Items { get; init; }

    /// <summary>Mean score over every judged order.</summary>
    public double? Accuracy { get; init; }

    /// <summary>Share of items judged right in both orders.</summary>
    public double? ConsistentAccuracy { get; init; }

    /// <summary>Share of items whose verdict changed with the order.</summary>
    public double? FlipRate { get; init; }

    /// <summary>Judgments without a verdict.</summary>
    public int? ParseFailures { get; init; }

    /// <summary>Accuracy per subset, one entry for every subset of the table (null where this row has none).</summary>
    public IReadOnlyDictionary<string, double?> Subsets { get; init; } = new Dictionary<string, double?>();
}
