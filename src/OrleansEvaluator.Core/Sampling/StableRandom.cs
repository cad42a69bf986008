using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace OrleansEvaluator.Core.Sampling;

/// <summary>
/// Randomness keyed by content: the value for (seed, key) is the same in every process, on every shard, in every
/// order of processing. string.GetHashCode is randomized per process, so it cannot serve.
/// </summary>
public static class StableRandom
{
    /// <summary>A 64-bit value derived from the seed and the key.</summary>
    public static ulong Hash(ulong seed, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var bytes = new byte[8 + Encoding.UTF8.GetByteCount(key)];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, seed);
        Encoding.UTF8.GetBytes(key, bytes.AsSpan(8));
        return BinaryPrimitives.ReadUInt64LittleEndian(SHA256.HashData(bytes));
    }

    /// <summary>A generator seeded from (seed, key), for choices within one key.</summary>
    public static Random For(ulong seed, string key) => new(unchecked((int)Hash(seed, key)));
}
