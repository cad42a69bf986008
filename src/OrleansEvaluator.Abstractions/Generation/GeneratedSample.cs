namespace OrleansEvaluator.Generation;

/// <summary>One completion of a prompt.</summary>
/// <param name="Index">The sample's index within its request, 0-based; it drew its randomness from seed + index.</param>
/// <param name="Text">The generated text, cut before any stop string.</param>
/// <param name="Finish">Why it stopped.</param>
/// <param name="TokenIds">The generated token ids, when the backend exposes them (empty otherwise).</param>
[GenerateSerializer, Immutable, Alias("oeval.GeneratedSample")]
public sealed record GeneratedSample([property: Id(0)] int Index, [property: Id(1)] string Text, [property: Id(2)] FinishReason Finish, [property: Id(3)] IReadOnlyList<int> TokenIds);
