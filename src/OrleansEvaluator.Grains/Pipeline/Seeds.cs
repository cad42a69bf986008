using OrleansEvaluator.Core.Sampling;

namespace OrleansEvaluator.Grains.Pipeline;

/// <summary>Request seeds derived from the run's seed and what a request is for, so any worker gives the same output.</summary>
public static class Seeds
{
    /// <summary>A 32-bit sampler seed for <paramref name="key"/>.</summary>
    public static uint For(ulong runSeed, string key) => unchecked((uint)StableRandom.Hash(runSeed, key));
}
