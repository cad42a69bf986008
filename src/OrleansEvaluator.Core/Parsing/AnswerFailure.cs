namespace OrleansEvaluator.Core.Parsing;

/// <summary>Why an answer output is unusable.</summary>
public enum AnswerFailure
{
    /// <summary>The answer is usable.</summary>
    None = 0,

    /// <summary>The output is empty or whitespace.</summary>
    Empty = 1,
}
