namespace OrleansEvaluator.Generation;

/// <summary>The completions of one <see cref="GenerationRequest"/>, in sample-index order.</summary>
/// <param name="Model">The model that produced them.</param>
/// <param name="Samples">One entry per requested sample.</param>
/// <param name="Usage">Token accounting.</param>
[GenerateSerializer, Immutable, Alias("oeval.GenerationResult")]
public sealed record GenerationResult([property: Id(0)] string Model, [property: Id(1)] IReadOnlyList<GeneratedSample> Samples, [property: Id(2)] TokenUsage Usage)
{
    /// <summary>
    /// The prompt as the model read it: the raw prompt, or the messages rendered with the model's chat template.
    /// Null when the backend cannot tell (a remote server). Training on a judgment uses exactly this text.
    /// </summary>
    [Id(3)]
    public string? PromptText { get; init; }

    /// <summary>The text of the first sample.</summary>
    public string Text => Samples.Count > 0 ? Samples[0].Text : string.Empty;
}
