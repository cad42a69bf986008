namespace OrleansEvaluator.Reporting;

/// <summary>
/// One iteration's judging, acceptance and training numbers. Iteration 0 (the first judge) only evaluates, so its
/// judging and training numbers are null; shares with nothing to divide by are null too.
/// </summary>
public sealed record IterationRow
{
    /// <summary>0 for the first judge, then 1, 2, ….</summary>
    public required int Iteration { get; init; }

    /// <summary>Content id of the judge that judged the pairs (for iteration 0, the first judge).</summary>
    public string? JudgeModel { get; init; }

    /// <summary>Pairs judged.</summary>
    public int? Pairs { get; init; }

    /// <summary>Judgment samples drawn.</summary>
    public int? Samples { get; init; }

    /// <summary>Samples that picked the better answer.</summary>
    public int? CorrectSamples { get; init; }

    /// <summary>Correct samples ÷ samples.</summary>
    public double? Correct { get; init; }

    /// <summary>Samples without a verdict.</summary>
    public int? ParseFailures { get; init; }

    /// <summary>Samples that answered A.</summary>
    public int? VerdictsA { get; init; }

    /// <summary>Samples that answered B.</summary>
    public int? VerdictsB { get; init; }

    /// <summary>Share of A among the samples with a verdict (0.5 is unbiased).</summary>
    public double? AbSkew { get; init; }

    /// <summary>Pairs kept by rejection sampling.</summary>
    public int? Accepted { get; init; }

    /// <summary>Label-free stated-answer exercises in the training set beside the kept judgments.</summary>
    public int? Exercises { get; init; }

    /// <summary>Rows of the seed's own data mixed into the training set beside the kept judgments (replay).</summary>
    public int? Replayed { get; init; }

    /// <summary>Kept pairs ÷ pairs judged.</summary>
    public double? AcceptanceRate { get; init; }

    /// <summary>Dropped pairs by reason.</summary>
    public IReadOnlyDictionary<string, int> Drops { get; init; } = new Dictionary<string, int>();

    /// <summary>Seconds spent judging.</summary>
    public double? JudgeSeconds { get; init; }

    /// <summary>Samples ÷ judging seconds.</summary>
    public double? JudgmentsPerSecond { get; init; }

    /// <summary>Content id of the model trained in this iteration.</summary>
    public string? TrainedModel { get; init; }

    /// <summary>The last training loss.</summary>
    public double? TrainLoss { get; init; }

    /// <summary>Optimizer steps.</summary>
    public int? TrainSteps { get; init; }

    /// <summary>Seconds spent training.</summary>
    public double? TrainSeconds { get; init; }
}
