namespace OrleansEvaluator.Reporting;

/// <summary>A benchmark's scores by iteration.</summary>
public sealed record BenchmarkTable
{
    /// <summary>The benchmark's name.</summary>
    public required string Benchmark { get; init; }

    /// <summary>Its subsets (sections), in ordinal order; empty when it has none.</summary>
    public IReadOnlyList<string> Subsets { get; init; } = [];

    /// <summary>One row per iteration, in order.</summary>
    public IReadOnlyList<BenchmarkRow> Rows { get; init; } = [];
}
