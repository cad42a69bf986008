using OrleansEvaluator.Core.Sampling;
using OrleansEvaluator.Data;

namespace OrleansEvaluator.Core.Runs;

/// <summary>Which instructions a run uses, and how they are cut into shards: seeded, independent of input order.</summary>
public static class InstructionSelection
{
    /// <summary>
    /// Keeps instructions of the given source categories (all when empty), then at most <paramref name="max"/> of
    /// them chosen at random by the seed (all when 0); the result is ordered by id.
    /// </summary>
    public static IReadOnlyList<Instruction> Select(IEnumerable<Instruction> instructions, IReadOnlyCollection<string> categories, int max, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(instructions);
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        var kept = instructions.Where(i => categories.Count == 0 || (i.Category is { } c && categories.Contains(c, StringComparer.OrdinalIgnoreCase)));
        if (max > 0)
            kept = kept.OrderBy(i => StableRandom.Hash(seed, "select|" + i.Id)).ThenBy(i => i.Id, StringComparer.Ordinal).Take(max);
        return kept.OrderBy(i => i.Id, StringComparer.Ordinal).ToArray();
    }

    /// <summary>Cuts instructions into <paramref name="shards"/> shards of nearly equal size, each ordered by id.</summary>
    public static IReadOnlyList<IReadOnlyList<Instruction>> Shard(IReadOnlyList<Instruction> instructions, int shards, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(instructions);
        ArgumentOutOfRangeException.ThrowIfLessThan(shards, 1);
        var shuffled = instructions.OrderBy(i => StableRandom.Hash(seed, "shard|" + i.Id)).ThenBy(i => i.Id, StringComparer.Ordinal).ToArray();
        return Enumerable.Range(0, shards)
            .Select(s => (IReadOnlyList<Instruction>)shuffled.Where((_, i) => i % shards == s).OrderBy(x => x.Id, StringComparer.Ordinal).ToArray())
            .ToArray();
    }
}
