namespace OrleansEvaluator.Core.Sampling;

/// <summary>Why a pair contributes no training example in an iteration. Persisted by name in reports.</summary>
public enum DropReason
{
    /// <summary>None of its samples picked the better answer (wrong, tie or unparseable).</summary>
    NoCorrectSample = 0,

    /// <summary>Fewer than the majority threshold of its samples were correct.</summary>
    BelowMajority = 1,

    /// <summary>Removed so that as many kept judgments say A as say B.</summary>
    Balance = 2,
}
