namespace OrleansEvaluator.Reporting;

/// <summary>Numbers a run report can show that <see cref="Runs.RunStatus"/> does not carry; all optional.</summary>
public sealed record RunReportExtras
{
    /// <summary>Share of pairs whose chosen answer is truly the better one (measured apart from the run); null when unknown.</summary>
    public double? LabelQuality { get; init; }

    /// <summary>The seed model's accuracy per benchmark, when it was scored apart from the first judge.</summary>
    public IReadOnlyDictionary<string, double?>? SeedAccuracy { get; init; }
}
