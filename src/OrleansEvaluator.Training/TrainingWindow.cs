namespace OrleansEvaluator.Training;

/// <summary>
/// One window of n+1 tokens: position i predicts <c>Tokens[i + 1]</c>, and counts toward the loss only where
/// <c>Targets[i]</c> is true. <see cref="Positions"/> and <see cref="Segments"/> describe packing: each packed example
/// restarts its positions at 0 and attends only within its own segment.
/// </summary>
public sealed record TrainingWindow(int[] Tokens, bool[] Targets, int[] Positions, int[] Segments)
{
    /// <summary>A plain causal window: one segment, positions 0..n−1, every position a target.</summary>
    public static TrainingWindow Causal(int[] tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var n = tokens.Length - 1;
        return new TrainingWindow(tokens, Enumerable.Repeat(true, n).ToArray(), Enumerable.Range(0, n).ToArray(), new int[n]);
    }

    /// <summary>Problems with the window's shape, each naming the field.</summary>
    public IReadOnlyList<string> Validate(int expectedLength, int vocabulary)
    {
        var errors = new List<string>();
        if (Targets.Length != expectedLength)
            errors.Add($"Targets: {Targets.Length} entries, the trainer's window is {expectedLength}.");
        if (Tokens.Length != Targets.Length + 1)
            errors.Add($"Tokens: need Targets + 1 = {Targets.Length + 1}, got {Tokens.Length}.");
        if (Positions.Length != Targets.Length || Segments.Length != Targets.Length)
            errors.Add("Positions/Segments: need one entry per target.");
        var bad = Array.FindIndex(Tokens, t => (uint)t >= (uint)vocabulary);
        if (bad >= 0)
            errors.Add($"Tokens[{bad}]: id {Tokens[bad]} is outside the vocabulary of {vocabulary}.");
        return errors;
    }
}
