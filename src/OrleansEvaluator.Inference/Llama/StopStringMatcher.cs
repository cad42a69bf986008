namespace OrleansEvaluator.Inference.Llama;

/// <summary>Finds the first stop string in text that grows at its end.</summary>
internal static class StopStringMatcher
{
    /// <summary>
    /// Index of the earliest occurrence of any stop string that ends at or after <paramref name="newFrom"/>
    /// (text before that was already searched), or -1.
    /// </summary>
    public static int Find(string text, IReadOnlyList<string> stops, int newFrom)
    {
        var best = -1;
        foreach (var stop in stops)
        {
            var from = Math.Max(0, newFrom - stop.Length + 1);
            if (from >= text.Length)
                continue;
            var at = text.IndexOf(stop, from, StringComparison.Ordinal);
            if (at >= 0 && (best < 0 || at < best))
                best = at;
        }
        return best;
    }
}
