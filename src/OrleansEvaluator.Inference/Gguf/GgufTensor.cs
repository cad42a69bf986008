namespace OrleansEvaluator.Inference.Gguf;

/// <summary>A tensor with its data, as held by a <see cref="GgufDocument"/>.</summary>
public sealed class GgufTensor
{
    public GgufTensor(string name, IReadOnlyList<long> dimensions, uint type, byte[] data)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(dimensions);
        ArgumentNullException.ThrowIfNull(data);
        if (!GgmlType.IsKnown(type))
            throw new ArgumentException($"Tensor '{name}': unknown ggml type {type}.", nameof(type));
        var size = GgmlType.ByteSize(type, dimensions)
            ?? throw new ArgumentException($"Tensor '{name}': shape [{string.Join(", ", dimensions)}] is not whole blocks of {GgmlType.Name(type)}.", nameof(dimensions));
        if (size != data.Length)
            throw new ArgumentException($"Tensor '{name}': {data.Length} bytes of data, but a {GgmlType.Name(type)} [{string.Join(", ", dimensions)}] tensor needs {size}.", nameof(data));
        Name = name;
        Dimensions = dimensions.ToArray();
        Type = type;
        Data = data;
    }

    public string Name { get; }

    public IReadOnlyList<long> Dimensions { get; }

    public uint Type { get; }

    public byte[] Data { get; }

    public long ElementCount => Dimensions.Aggregate(1L, (a, d) => a * d);
}
