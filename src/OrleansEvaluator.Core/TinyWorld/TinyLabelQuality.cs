namespace OrleansEvaluator.Core.TinyWorld;

/// <summary>How many synthesized pairs are truly labelled (see <see cref="TinyWorldOracle.LabelQuality"/>).</summary>
/// <param name="Pairs">Pairs checked.</param>
/// <param name="TrulyBetter">Pairs whose chosen answer is right and rejected answer wrong.</param>
/// <param name="ChosenWrong">Pairs whose chosen answer is wrong (the seed answered x badly).</param>
/// <param name="RejectedRight">Pairs whose rejected answer is also right (x′ was not different enough).</param>
/// <param name="UnknownInstructions">Pairs whose instruction is not a text of the world.</param>
public sealed record TinyLabelQuality(int Pairs, int TrulyBetter, int ChosenWrong, int RejectedRight, int UnknownInstructions)
{
    /// <summary>The same counts per family (pairs of unknown instructions are in no family).</summary>
    public IReadOnlyDictionary<TinyFamily, TinyLabelQuality> ByFamily { get; init; } = new Dictionary<TinyFamily, TinyLabelQuality>();

    /// <summary>TrulyBetter / Pairs; 0 for no pairs.</summary>
    public double Share => Pairs == 0 ? 0 : (double)TrulyBetter / Pairs;
}
