namespace OrleansEvaluator.Core.TinyWorld;

/// <summary>What a seed-training example teaches.</summary>
public enum TinyExampleKind
{
    /// <summary>Instruction → answer.</summary>
    Answer,

    /// <summary>Instruction and its answer → modified instruction and its answer.</summary>
    Modify,

    /// <summary>Instruction and two answers → the verdict naming the right one (ground truth, for checking judge SFT).</summary>
    Judge,

    /// <summary>The judge prompt and a stated answer picked at random from its responses → that response's label (no preference).</summary>
    Lookup,
}
