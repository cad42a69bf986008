namespace OrleansEvaluator.Training;

/// <summary>One fine-tuning job.</summary>
/// <param name="BaseModelPath">The GGUF to start from.</param>
/// <param name="DataPath">SFT JSONL (<c>{"id","prompt","target","answer_only_loss"}</c>).</param>
/// <param name="OutputPath">Where the trained GGUF goes.</param>
[GenerateSerializer, Immutable, Alias("oeval.TrainingJob")]
public sealed record TrainingJob([property: Id(0)] string BaseModelPath, [property: Id(1)] string DataPath, [property: Id(2)] string OutputPath)
{
    /// <summary>Passes over the data.</summary>
    [Id(3)]
    public int Epochs { get; init; } = 3;

    /// <summary>Peak learning rate.</summary>
    [Id(4)]
    public float LearningRate { get; init; } = 1e-3f;

    /// <summary>LoRA rank; 0 trains every weight.</summary>
    [Id(5)]
    public int LoraRank { get; init; }

    /// <summary>The run's seed.</summary>
    [Id(6)]
    public ulong Seed { get; init; }

    /// <summary>Tokens per training window; 0 keeps the trainer's default.</summary>
    [Id(7)]
    public int ContextLength { get; init; }

    /// <summary>Windows per optimizer step (a larger batch); 0 keeps the trainer's default.</summary>
    [Id(8)]
    public int GradientAccumulation { get; init; }

    /// <summary>Every problem, each naming its field.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!File.Exists(BaseModelPath))
            errors.Add($"BaseModelPath: '{BaseModelPath}' does not exist.");
        if (!File.Exists(DataPath))
            errors.Add($"DataPath: '{DataPath}' does not exist.");
        if (string.IsNullOrWhiteSpace(OutputPath))
            errors.Add("OutputPath: required.");
        if (Epochs < 1)
            errors.Add($"Epochs: must be at least 1 (got {Epochs}).");
        if (!(LearningRate > 0))
            errors.Add($"LearningRate: must be positive (got {LearningRate}).");
        if (ContextLength < 0)
            errors.Add($"ContextLength: must not be negative (got {ContextLength}).");
        if (GradientAccumulation < 0)
            errors.Add($"GradientAccumulation: must not be negative (got {GradientAccumulation}).");
        if (LoraRank < 0)
            errors.Add($"LoraRank: must not be negative (got {LoraRank}).");
        return errors;
    }
}
