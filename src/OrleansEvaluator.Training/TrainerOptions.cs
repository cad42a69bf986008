namespace OrleansEvaluator.Training;

/// <summary>Optimizer settings of the in-process trainer.</summary>
public sealed record TrainerOptions
{
    /// <summary>Tokens per window (predictions per step).</summary>
    public int ContextLength { get; init; } = 128;

    /// <summary>Peak AdamW learning rate.</summary>
    public float LearningRate { get; init; } = 1e-3f;

    /// <summary>AdamW decoupled weight decay (0 leaves weights untouched by steps without gradient).</summary>
    public float WeightDecay { get; init; }

    /// <summary>Optimizer steps of linear warm-up.</summary>
    public int WarmupSteps { get; init; }

    /// <summary>Total optimizer steps of the cosine schedule; 0 keeps the rate constant after warm-up.</summary>
    public int TotalSteps { get; init; }

    /// <summary>Floor of the cosine decay, as a fraction of the peak.</summary>
    public float MinLearningRateRatio { get; init; } = 0.1f;

    /// <summary>Windows whose gradients are summed before each optimizer step.</summary>
    public int GradientAccumulation { get; init; } = 1;

    /// <summary>Train a low-rank adapter instead of every weight (works on quantized bases); null trains everything.</summary>
    public LoraOptions? Lora { get; init; }

    /// <summary>Rebuild the graphs every window even when static graphs would fit (tests compare the two paths).</summary>
    internal bool ForceDynamicGraphs { get; init; }

    /// <summary>CPU threads.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Every problem, each naming its field.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (ContextLength < 2)
            errors.Add($"ContextLength: must be at least 2 (got {ContextLength}).");
        if (!(LearningRate > 0) || float.IsInfinity(LearningRate))
            errors.Add($"LearningRate: must be positive (got {LearningRate}).");
        if (WeightDecay < 0)
            errors.Add($"WeightDecay: must not be negative (got {WeightDecay}).");
        if (WarmupSteps < 0 || TotalSteps < 0)
            errors.Add("WarmupSteps/TotalSteps: must not be negative.");
        if (MinLearningRateRatio is < 0 or > 1)
            errors.Add($"MinLearningRateRatio: must be in [0, 1] (got {MinLearningRateRatio}).");
        if (GradientAccumulation < 1)
            errors.Add($"GradientAccumulation: must be at least 1 (got {GradientAccumulation}).");
        if (Threads < 1)
            errors.Add($"Threads: must be at least 1 (got {Threads}).");
        if (Lora is not null)
            errors.AddRange(Lora.Validate());
        return errors;
    }

    /// <summary>The learning rate of optimizer step <paramref name="step"/> (0-based): linear warm-up, then cosine to the floor.</summary>
    public float LearningRateAt(int step)
    {
        if (step < WarmupSteps)
            return LearningRate * (step + 1) / WarmupSteps;
        if (TotalSteps <= WarmupSteps)
            return LearningRate;
        var progress = Math.Clamp((double)(step - WarmupSteps) / (TotalSteps - WarmupSteps), 0, 1);
        var cosine = 0.5 * (1 + Math.Cos(Math.PI * progress));
        return (float)(LearningRate * (MinLearningRateRatio + (1 - MinLearningRateRatio) * cosine));
    }
}
