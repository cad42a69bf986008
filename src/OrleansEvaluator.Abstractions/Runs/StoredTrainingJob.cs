namespace OrleansEvaluator.Runs;

/// <summary>A training job whose inputs and output live in the artifact store, so any trainer silo can run it.</summary>
/// <param name="BaseModel">Content id of the GGUF to start from.</param>
/// <param name="TrainingSet">Artifact of <see cref="OrleansEvaluator.Data.SftExample"/> records.</param>
/// <param name="Epochs">Passes over the data.</param>
/// <param name="LearningRate">Peak learning rate.</param>
/// <param name="LoraRank">LoRA rank; 0 trains every weight.</param>
/// <param name="ContextLength">Tokens per training window.</param>
/// <param name="Seed">Seed of the data order (and of a LoRA init).</param>
[GenerateSerializer, Immutable, Alias("oeval.StoredTrainingJob")]
public sealed record StoredTrainingJob(
    [property: Id(0)] string BaseModel,
    [property: Id(1)] string TrainingSet,
    [property: Id(2)] int Epochs,
    [property: Id(3)] float LearningRate,
    [property: Id(4)] int LoraRank,
    [property: Id(5)] int ContextLength,
    [property: Id(6)] ulong Seed)
{
    /// <summary>Windows per optimizer step; 0 keeps the trainer's default.</summary>
    [Id(7)]
    public int GradientAccumulation { get; init; }
}
