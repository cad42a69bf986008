namespace OrleansEvaluator.Training;

/// <summary>What a training job produced.</summary>
/// <param name="ModelPath">The GGUF written.</param>
/// <param name="Steps">Optimizer steps, when the trainer reports them (0 otherwise).</param>
/// <param name="FinalLoss">Last training loss, when reported.</param>
[GenerateSerializer, Immutable, Alias("oeval.TrainingOutcome")]
public sealed record TrainingOutcome([property: Id(0)] string ModelPath, [property: Id(1)] int Steps, [property: Id(2)] double? FinalLoss);
