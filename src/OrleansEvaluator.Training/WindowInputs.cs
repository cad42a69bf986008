namespace OrleansEvaluator.Training;

/// <summary>Host-side inputs of a training window.</summary>
internal static class WindowInputs
{
    /// <summary>
    /// Block-diagonal causal mask for packed examples: query i sees key j only when j ≤ i and both belong to the same
    /// segment, so packed examples do not attend to each other.
    /// </summary>
    public static float[] SegmentedCausalMask(IReadOnlyList<int> segments)
    {
        var n = segments.Count;
        var mask = new float[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
                mask[i * n + j] = j <= i && segments[j] == segments[i] ? 0f : float.NegativeInfinity;
        }
        return mask;
    }

    /// <summary>One-hot label rows for target positions only; other rows stay zero (the graph masks their logits).</summary>
    public static float[] MaskedOneHot(ReadOnlySpan<int> targets, IReadOnlyList<bool> isTarget, int vocabulary)
    {
        var labels = new float[targets.Length * vocabulary];
        for (var i = 0; i < targets.Length; i++)
        {
            if (isTarget[i])
                labels[i * vocabulary + targets[i]] = 1f;
        }
        return labels;
    }

    /// <summary>One-hot label rows [n_vocab, n]: row i has a 1 at <c>targets[i]</c>.</summary>
    public static float[] OneHot(ReadOnlySpan<int> targets, int vocabulary)
    {
        var labels = new float[targets.Length * vocabulary];
        for (var i = 0; i < targets.Length; i++)
            labels[i * vocabulary + targets[i]] = 1f;
        return labels;
    }
}
