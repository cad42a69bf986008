namespace OrleansEvaluator.Core.Metrics;

/// <summary>Which response of a <see cref="Data.PairwiseItem"/> a judge prefers once both orders are combined.</summary>
public enum JudgeDecision
{
    /// <summary>The item's <see cref="Data.PairwiseItem.Chosen"/> response (the first one in source order for a tie item).</summary>
    Chosen = 0,

    /// <summary>The item's <see cref="Data.PairwiseItem.Rejected"/> response.</summary>
    Rejected = 1,

    /// <summary>The judge called a tie in both orders.</summary>
    Tie = 2,

    /// <summary>The orders disagree or at least one gave no verdict; never agrees with a human label.</summary>
    Inconsistent = 3,
}
