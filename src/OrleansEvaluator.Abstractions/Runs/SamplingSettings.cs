namespace OrleansEvaluator.Runs;

/// <summary>How a stage samples from a model.</summary>
/// <param name="Samples">Completions per prompt (judgments per pair and order; 1 for answers).</param>
/// <param name="Temperature">Sampling temperature; 0 is greedy.</param>
/// <param name="TopP">Nucleus mass.</param>
/// <param name="MaxTokens">Most new tokens per completion.</param>
/// <param name="Grammar">Constrain the output to the stage's layout (a verdict, or the pair markers).</param>
[GenerateSerializer, Immutable, Alias("oeval.SamplingSettings")]
public sealed record SamplingSettings(
    [property: Id(0)] int Samples,
    [property: Id(1)] float Temperature,
    [property: Id(2)] float TopP,
    [property: Id(3)] int MaxTokens,
    [property: Id(4)] bool Grammar)
{
    /// <summary>Decode each request alone for reproducible outputs (see <see cref="OrleansEvaluator.Generation.GenerationRequest.Isolated"/>).</summary>
    [Id(5)]
    public bool Isolated { get; init; }
}
