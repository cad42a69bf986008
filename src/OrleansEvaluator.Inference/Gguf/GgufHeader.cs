using System.Globalization;
using System.Text;

namespace OrleansEvaluator.Inference.Gguf;

/// <summary>
/// The header of a GGUF file (metadata and tensor table), read and checked in managed code so that a bad
/// file is rejected with a clear message before any native loader sees it.
/// </summary>
public sealed class GgufHeader
{
    private const uint Magic = 0x46554747; // "GGUF", little-endian
    private const int MaxDimensions = 4;   // GGML_MAX_DIMS

    private GgufHeader(string path, uint version, IReadOnlyDictionary<string, object> metadata,
        IReadOnlyDictionary<string, GgufValueType> metadataTypes, IReadOnlyList<string> metadataOrder,
        IReadOnlyList<GgufTensorInfo> tensors, long dataOffset, long fileLength)
    {
        Path = path;
        Version = version;
        Metadata = metadata;
        MetadataTypes = metadataTypes;
        MetadataOrder = metadataOrder;
        Tensors = tensors;
        DataOffset = dataOffset;
        FileLength = fileLength;
    }

    /// <summary>The file read.</summary>
    public string Path { get; }

    /// <summary>GGUF format version (2 or 3).</summary>
    public uint Version { get; }

    /// <summary>Metadata values: integers, floats, bools and strings as their CLR types; arrays as typed arrays.</summary>
    public IReadOnlyDictionary<string, object> Metadata { get; }

    /// <summary>The GGUF value type of each metadata entry, so that a rewrite keeps it exactly.</summary>
    public IReadOnlyDictionary<string, GgufValueType> MetadataTypes { get; }

    /// <summary>Metadata keys in file order.</summary>
    public IReadOnlyList<string> MetadataOrder { get; }

    /// <summary><c>general.alignment</c>, or 32.</summary>
    public uint Alignment => Metadata.TryGetValue("general.alignment", out var a) && a is uint u ? u : 32u;

    /// <summary>The tensor table, in file order.</summary>
    public IReadOnlyList<GgufTensorInfo> Tensors { get; }

    /// <summary>Absolute offset of the data section.</summary>
    public long DataOffset { get; }

    /// <summary>Length of the file in bytes.</summary>
    public long FileLength { get; }

    /// <summary><c>general.architecture</c>, e.g. <c>llama</c>.</summary>
    public string? Architecture => GetString("general.architecture");

    /// <summary>A string value, or null.</summary>
    public string? GetString(string key) => Metadata.TryGetValue(key, out var v) ? v as string : null;

    /// <summary>An integer value of any width, or null.</summary>
    public long? GetInteger(string key) => Metadata.TryGetValue(key, out var v) ? v switch
    {
        byte or sbyte or ushort or short or uint or int or long => Convert.ToInt64(v, CultureInfo.InvariantCulture),
        ulong u when u <= long.MaxValue => (long)u,
        _ => null,
    } : null;

    /// <summary>An integer value of an architecture key (<c>{arch}.{suffix}</c>), or null.</summary>
    public long? GetArchInteger(string suffix) => Architecture is { } a ? GetInteger($"{a}.{suffix}") : null;

    /// <summary>A string array value, or null.</summary>
    public string[]? GetStringArray(string key) => Metadata.TryGetValue(key, out var v) ? v as string[] : null;

    /// <summary>
    /// Reads and checks the header of <paramref name="path"/>: magic, version, every metadata entry, the tensor
    /// table, known tensor types, and that every tensor's data lies inside the file (a truncated download fails
    /// here, not in native code).
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="GgufFormatException">The file is not a valid GGUF model.</exception>
    public static GgufHeader Read(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (Directory.Exists(full))
            throw new GgufFormatException(full, null, "is a directory, not a GGUF model file");
        if (!File.Exists(full))
            throw new FileNotFoundException($"Model file not found: {full}", full);

        using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var reader = new Reader(stream, full);
        var length = stream.Length;
        if (length < 24)
            throw new GgufFormatException(full, null, $"is {length} bytes, too short to be a GGUF file");

        if (reader.U32() != Magic)
            throw new GgufFormatException(full, 0, "is not a GGUF file (the first four bytes are not 'GGUF')");
        var version = reader.U32();
        if (version is not (2 or 3))
            throw new GgufFormatException(full, 4, $"has GGUF version {version}; versions 2 and 3 are supported");

        var tensorCount = reader.Count(length, "tensor count");
        var kvCount = reader.Count(length, "metadata count");

        var metadata = new Dictionary<string, object>(StringComparer.Ordinal);
        var types = new Dictionary<string, GgufValueType>(StringComparer.Ordinal);
        var order = new List<string>();
        for (long i = 0; i < kvCount; i++)
        {
            var keyAt = stream.Position;
            var key = reader.String();
            if (metadata.ContainsKey(key))
                throw new GgufFormatException(full, keyAt, $"repeats metadata key '{key}'");
            var type = reader.U32();
            metadata[key] = reader.Value(type, key);
            types[key] = new GgufValueType(type, type == 9 ? reader.LastArrayElementType : 0);
            order.Add(key);
        }

        var tensors = new List<GgufTensorInfo>((int)Math.Min(tensorCount, 1 << 16));
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (long i = 0; i < tensorCount; i++)
        {
            var at = stream.Position;
            var name = reader.String();
            if (!names.Add(name))
                throw new GgufFormatException(full, at, $"repeats tensor '{name}'");
            var nDims = reader.U32();
            if (nDims is 0 or > MaxDimensions)
                throw new GgufFormatException(full, at, $"tensor '{name}' has {nDims} dimensions (1 to {MaxDimensions} allowed)");
            var dims = new long[nDims];
            for (var d = 0; d < nDims; d++)
            {
                var v = reader.U64();
                if (v == 0 || v > int.MaxValue)
                    throw new GgufFormatException(full, at, $"tensor '{name}' has dimension {d} = {v}");
                dims[d] = (long)v;
            }
            var type = reader.U32();
            if (!GgmlType.IsKnown(type))
                throw new GgufFormatException(full, at, $"tensor '{name}' has unknown ggml type {type}");
            var offset = reader.U64();
            var size = GgmlType.ByteSize(type, dims)
                ?? throw new GgufFormatException(full, at,
                    $"tensor '{name}' of type {GgmlType.Name(type)} has a first dimension {dims[0]} that is not a multiple of its block size {GgmlType.BlockElements(type)}");
            tensors.Add(new GgufTensorInfo(name, dims, type, checked((long)offset), size));
        }

        var alignment = metadata.TryGetValue("general.alignment", out var a) && a is uint au ? au : 32u;
        if (alignment == 0 || (alignment & (alignment - 1)) != 0)
            throw new GgufFormatException(full, null, $"general.alignment = {alignment} is not a power of two");
        var dataOffset = (stream.Position + alignment - 1) / alignment * alignment;

        foreach (var t in tensors)
        {
            if (t.Offset % alignment != 0)
                throw new GgufFormatException(full, null, $"tensor '{t.Name}' data offset {t.Offset} is not aligned to {alignment}");
            var end = dataOffset + t.Offset + t.ByteSize;
            if (end > length)
                throw new GgufFormatException(full, null,
                    $"is truncated: tensor '{t.Name}' needs bytes up to {end} but the file has {length}");
        }

        return new GgufHeader(full, version, metadata, types, order, tensors, dataOffset, length);
    }

    private sealed class Reader(FileStream stream, string path)
    {
        private readonly byte[] _buffer = new byte[8];

        public uint LastArrayElementType { get; private set; }

        private ReadOnlySpan<byte> Take(int n)
        {
            var at = stream.Position;
            var read = 0;
            while (read < n)
            {
                var r = stream.Read(_buffer, read, n - read);
                if (r == 0)
                    throw new GgufFormatException(path, at, "is truncated inside the header");
                read += r;
            }
            return _buffer.AsSpan(0, n);
        }

        public uint U32() => BitConverter.ToUInt32(Take(4));

        public ulong U64() => BitConverter.ToUInt64(Take(8));

        public long Count(long fileLength, string what)
        {
            var at = stream.Position;
            var v = U64();
            // Every entry takes at least 8 bytes, so a count beyond that is corruption, not a big model.
            if (v > (ulong)(fileLength / 8))
                throw new GgufFormatException(path, at, $"is truncated or corrupt: {what} {v} cannot fit in the file");
            return (long)v;
        }

        public string String()
        {
            var at = stream.Position;
            var len = U64();
            if (len > (ulong)(stream.Length - stream.Position) || len > int.MaxValue)
                throw new GgufFormatException(path, at, $"is truncated or corrupt: a string of length {len} runs past the end of the file");
            var bytes = new byte[len];
            stream.ReadExactly(bytes);
            try
            {
                return new UTF8Encoding(false, true).GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                throw new GgufFormatException(path, at, "has a string that is not valid UTF-8");
            }
        }

        public object Value(uint type, string key)
        {
            var at = stream.Position;
            return type switch
            {
                0 => Take(1)[0],
                1 => (sbyte)Take(1)[0],
                2 => BitConverter.ToUInt16(Take(2)),
                3 => BitConverter.ToInt16(Take(2)),
                4 => U32(),
                5 => BitConverter.ToInt32(Take(4)),
                6 => BitConverter.ToSingle(Take(4)),
                7 => Take(1)[0] != 0,
                8 => String(),
                9 => Array(key),
                10 => U64(),
                11 => BitConverter.ToInt64(Take(8)),
                12 => BitConverter.ToDouble(Take(8)),
                _ => throw new GgufFormatException(path, at, $"metadata '{key}' has unknown value type {type}"),
            };
        }

        private object Array(string key)
        {
            var at = stream.Position;
            var elementType = U32();
            LastArrayElementType = elementType;
            if (elementType == 9)
                throw new GgufFormatException(path, at, $"metadata '{key}' is a nested array");
            var count = Count(stream.Length * 8, $"array length of '{key}'");
            if (count > stream.Length - stream.Position)
                throw new GgufFormatException(path, at, $"metadata '{key}' has {count} elements, more than the file can hold");
            return elementType switch
            {
                8 => Fill(count, () => String()),
                4 => Fill(count, U32),
                5 => Fill(count, () => BitConverter.ToInt32(Take(4))),
                6 => Fill(count, () => BitConverter.ToSingle(Take(4))),
                _ => Fill(count, () => Value(elementType, key)),
            };
        }

        private static T[] Fill<T>(long count, Func<T> next)
        {
            var result = new T[count];
            for (long i = 0; i < count; i++)
                result[i] = next();
            return result;
        }
    }
}
