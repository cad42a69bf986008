namespace OrleansEvaluator.Inference.Gguf;

/// <summary>One tensor's entry in a GGUF header.</summary>
/// <param name="Name">Tensor name, e.g. <c>blk.0.attn_q.weight</c>.</param>
/// <param name="Dimensions">ne[0..n), innermost first, as ggml stores them.</param>
/// <param name="Type">ggml type id (see <see cref="GgmlType"/>).</param>
/// <param name="Offset">Byte offset of the data, relative to the start of the data section.</param>
/// <param name="ByteSize">Bytes of data.</param>
public sealed record GgufTensorInfo(string Name, IReadOnlyList<long> Dimensions, uint Type, long Offset, long ByteSize)
{
    /// <summary>Number of elements.</summary>
    public long ElementCount => Dimensions.Aggregate(1L, (a, d) => a * d);
}
