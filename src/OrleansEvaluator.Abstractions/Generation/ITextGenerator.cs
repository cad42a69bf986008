namespace OrleansEvaluator.Generation;

/// <summary>
/// The port through which the system asks a language model for text. Implemented in-process by the
/// LLamaSharp engine and remotely by the OpenAI-compatible chat-completions client.
/// </summary>
public interface ITextGenerator
{
    /// <summary>
    /// Generates <see cref="GenerationRequest.Samples"/> completions of one prompt.
    /// </summary>
    /// <exception cref="ArgumentException">The request is invalid; the message names the field.</exception>
    /// <exception cref="OperationCanceledException">The request was cancelled.</exception>
    Task<GenerationResult> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken = default);
}
