namespace OrleansEvaluator.Generation;

/// <summary>Why a sample stopped. Persisted by number: values only grow.</summary>
[GenerateSerializer]
public enum FinishReason
{
    /// <summary>The model produced its end-of-generation token (or a grammar reached its end).</summary>
    EndOfSequence = 0,

    /// <summary>One of the request's stop strings appeared; the text is cut before it.</summary>
    StopString = 1,

    /// <summary>The sample reached <see cref="GenerationRequest.MaxTokens"/>.</summary>
    Length = 2,
}
