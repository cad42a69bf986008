namespace OrleansEvaluator.Runs;

/// <summary>What one iteration did. Iteration 0 is the seed: it only has evaluation scores.</summary>
[GenerateSerializer, Alias("oeval.IterationReport")]
public sealed record IterationReport
{
    /// <summary>0 for the seed, then 1, 2, ….</summary>
    [Id(0)] public int Iteration { get; init; }

    /// <summary>Content id of the judge that judged this iteration's pairs (M(i−1)) — for iteration 0, the seed.</summary>
    [Id(1)] public string? JudgeModel { get; init; }

    /// <summary>Pairs judged.</summary>
    [Id(2)] public int Pairs { get; init; }

    /// <summary>Judgment samples drawn.</summary>
    [Id(3)] public int Samples { get; init; }

    /// <summary>Samples that picked the better answer.</summary>
    [Id(4)] public int CorrectSamples { get; init; }

    /// <summary>Samples without a verdict.</summary>
    [Id(5)] public int ParseFailures { get; init; }

    /// <summary>Samples that answered A / B.</summary>
    [Id(6)] public int VerdictsA { get; init; }

    /// <summary>Samples that answered B.</summary>
    [Id(7)] public int VerdictsB { get; init; }

    /// <summary>Pairs kept by rejection sampling (one trace each).</summary>
    [Id(8)] public int Accepted { get; init; }

    /// <summary>Kept pairs ÷ pairs judged.</summary>
    [Id(9)] public double AcceptanceRate { get; init; }

    /// <summary>Dropped pairs by reason.</summary>
    [Id(10)] public IReadOnlyDictionary<string, int> Drops { get; init; } = new Dictionary<string, int>();

    /// <summary>Artifacts of every judgment sample, one per shard.</summary>
    [Id(11)] public IReadOnlyList<string> SampleArtifacts { get; init; } = [];

    /// <summary>The accepted traces.</summary>
    [Id(12)] public string? TracesArtifact { get; init; }

    /// <summary>The SFT rows built from the traces.</summary>
    [Id(13)] public string? TrainingSetArtifact { get; init; }

    /// <summary>Content id of the model trained in this iteration (M(i)).</summary>
    [Id(14)] public string? TrainedModel { get; init; }

    /// <summary>The last training loss.</summary>
    [Id(15)] public double? TrainLoss { get; init; }

    /// <summary>Optimizer steps.</summary>
    [Id(16)] public int TrainSteps { get; init; }

    /// <summary>Scores of this iteration's judge (M(i), or the seed for iteration 0).</summary>
    [Id(17)] public IReadOnlyList<BenchmarkScore> Scores { get; init; } = [];

    /// <summary>Seconds spent judging.</summary>
    [Id(18)] public double JudgeSeconds { get; init; }

    /// <summary>Seconds spent training.</summary>
    [Id(19)] public double TrainSeconds { get; init; }

    /// <summary>Artifacts of the judge prompts as the judge read them, one per shard.</summary>
    [Id(20)] public IReadOnlyList<string> PromptArtifacts { get; init; } = [];

    /// <summary>Rows of <c>training.replay</c> mixed into the training set after the accepted judgments.</summary>
    [Id(21)] public int Replayed { get; init; }

    /// <summary>Label-free stated-answer exercises (<c>training.exercises</c>) in the training set, after the judgments.</summary>
    [Id(22)] public int Exercises { get; init; }
}
