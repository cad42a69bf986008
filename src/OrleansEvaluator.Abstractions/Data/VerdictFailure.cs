namespace OrleansEvaluator.Data;

/// <summary>Why a judgment has no verdict. Persisted by number: values only grow.</summary>
public enum VerdictFailure : byte
{
    /// <summary>The judgment has a verdict.</summary>
    None = 0,

    /// <summary>Neither <c>[[A]]</c> nor <c>[[B]]</c> appears.</summary>
    NoVerdict = 1,

    /// <summary>Both <c>[[A]]</c> and <c>[[B]]</c> appear.</summary>
    BothVerdicts = 2,

    /// <summary>A tie marker (<c>[[C]]</c>) appears; the judge prompt offers no tie.</summary>
    Tie = 3,
}
