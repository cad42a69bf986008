namespace OrleansEvaluator.Data;

/// <summary>How a pair was shown to the judge. Persisted by number: values only grow.</summary>
public enum PresentationOrder : byte
{
    /// <summary>The better answer is A (shown first).</summary>
    ChosenFirst = 0,

    /// <summary>The better answer is B (shown second).</summary>
    ChosenSecond = 1,
}
