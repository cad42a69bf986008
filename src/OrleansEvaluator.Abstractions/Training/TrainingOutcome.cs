namespace OrleansEvaluator.Training;

/// <summary>What a training job produced.</summary>
/// <param name="ModelPath">The GGUF written.</param>
/// <param name="Steps">Optimizer steps, when the trainer reports them (0 otherwise).</param>
/// <param name="FinalLoss">Last training loss, when reported.</param>
public sealed record TrainingOutcome(string ModelPath, int Steps, double? FinalLoss);
