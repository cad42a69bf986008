using System.Text;

namespace OrleansEvaluator.Inference.Gguf;

/// <summary>
/// A whole GGUF model in memory: ordered, typed metadata and tensors with their data. Reading a file and writing
/// it back unchanged gives the same bytes; changed or added metadata keeps its place and type.
/// </summary>
public sealed class GgufDocument
{
    private const uint Magic = 0x46554747;
    private readonly List<string> _order = [];
    private readonly Dictionary<string, (GgufValueType Type, object Value)> _metadata = new(StringComparer.Ordinal);

    /// <summary>Tensors, in file order.</summary>
    public List<GgufTensor> Tensors { get; } = [];

    /// <summary>Metadata keys in file order.</summary>
    public IReadOnlyList<string> MetadataKeys => _order;

    /// <summary>A metadata value (CLR types as <see cref="GgufHeader.Metadata"/>), or null.</summary>
    public object? Get(string key) => _metadata.TryGetValue(key, out var v) ? v.Value : null;

    /// <summary>The GGUF type of a metadata value.</summary>
    public GgufValueType TypeOf(string key) => _metadata[key].Type;

    /// <summary>Sets a metadata value with an explicit GGUF type; a new key goes last.</summary>
    public void Set(string key, GgufValueType type, object value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        if (!_metadata.ContainsKey(key))
            _order.Add(key);
        _metadata[key] = (type, value);
    }

    /// <summary>Sets a string value.</summary>
    public void Set(string key, string value) => Set(key, new GgufValueType(8, 0), value);

    /// <summary>Sets a uint32 value.</summary>
    public void Set(string key, uint value) => Set(key, new GgufValueType(4, 0), value);

    /// <summary>Sets a float32 value.</summary>
    public void Set(string key, float value) => Set(key, new GgufValueType(6, 0), value);

    /// <summary>Copies the metadata entries of <paramref name="source"/> that <paramref name="include"/> accepts (all by default), keeping type and order.</summary>
    public void CopyMetadataFrom(GgufDocument source, Func<string, bool>? include = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        foreach (var key in source.MetadataKeys.Where(include ?? (_ => true)))
            Set(key, source.TypeOf(key), source.Get(key)!);
    }

    /// <summary>Removes a metadata entry, if present.</summary>
    public void Remove(string key)
    {
        if (_metadata.Remove(key))
            _order.Remove(key);
    }

    /// <summary>The tensor of that name.</summary>
    public GgufTensor Tensor(string name) => Tensors.FirstOrDefault(t => t.Name == name)
        ?? throw new KeyNotFoundException($"No tensor '{name}'.");

    /// <summary>Reads a whole file (checked by <see cref="GgufHeader.Read"/> first).</summary>
    public static GgufDocument Read(string path)
    {
        var header = GgufHeader.Read(path);
        var document = new GgufDocument();
        foreach (var key in header.MetadataOrder)
            document.Set(key, header.MetadataTypes[key], header.Metadata[key]);
        using var stream = new FileStream(header.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        foreach (var t in header.Tensors)
        {
            stream.Position = header.DataOffset + t.Offset;
            var data = new byte[t.ByteSize];
            stream.ReadExactly(data);
            document.Tensors.Add(new GgufTensor(t.Name, t.Dimensions, t.Type, data));
        }
        return document;
    }

    /// <summary>Writes GGUF v3 through a temporary file, so a crash never leaves half a model under the final name.</summary>
    public void Write(string path)
    {
        var temp = path + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            WriteTo(stream);
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Writes GGUF v3 to a stream.</summary>
    public void WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in Tensors)
        {
            if (!names.Add(t.Name))
                throw new InvalidOperationException($"Tensor '{t.Name}' appears twice.");
        }
        var alignment = Get("general.alignment") is uint a ? a : 32u;
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(3u);
        w.Write((ulong)Tensors.Count);
        w.Write((ulong)_order.Count);
        foreach (var key in _order)
        {
            WriteString(w, key);
            var (type, value) = _metadata[key];
            w.Write(type.Type);
            WriteValue(w, type.Type, type.ElementType, value, key);
        }
        long offset = 0;
        foreach (var t in Tensors)
        {
            WriteString(w, t.Name);
            w.Write((uint)t.Dimensions.Count);
            foreach (var d in t.Dimensions)
                w.Write((ulong)d);
            w.Write(t.Type);
            w.Write((ulong)offset);
            offset = Align(offset + t.Data.Length, alignment);
        }
        Pad(w, alignment);
        foreach (var t in Tensors)
        {
            w.Write(t.Data);
            Pad(w, alignment);
        }
    }

    private static long Align(long value, uint alignment) => (value + alignment - 1) / alignment * alignment;

    private static void Pad(BinaryWriter w, uint alignment)
    {
        w.Flush();
        var position = w.BaseStream.Position;
        var padding = Align(position, alignment) - position;
        for (var i = 0; i < padding; i++)
            w.Write((byte)0);
    }

    private static void WriteString(BinaryWriter w, string s)
    {
        var bytes = Encoding.UTF8.GetBytes(s);
        w.Write((ulong)bytes.Length);
        w.Write(bytes);
    }

    private static void WriteValue(BinaryWriter w, uint type, uint elementType, object value, string key)
    {
        switch (type)
        {
            case 0: w.Write(Convert.ToByte(value, System.Globalization.CultureInfo.InvariantCulture)); break;
            case 1: w.Write(Convert.ToSByte(value, System.Globalization.CultureInfo.InvariantCulture)); break;
            case 2: w.Write(Convert.ToUInt16(value, System.Globalization.CultureInfo.InvariantCulture)); break;
            case 3: w.Write(Convert.ToInt16(value, System.Globalization.CultureInfo.InvariantCulture)); break;
            case 4: w.Write(Convert.ToUInt32(value, System.Globalization.CultureInfo.InvariantCulture)); break;
            case 5: w.Write(Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)); break;
            case 6: w.Write(Convert.ToSingle(value, System.Globalization.CultureInfo.InvariantCulture)); break;
            case 7: w.Write((byte)((bool)value ? 1 : 0)); break;
            case 8: WriteString(w, (string)value); break;
            case 10: w.Write(Convert.ToUInt64(value, System.Globalization.CultureInfo.InvariantCulture)); break;
            case 11: w.Write(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)); break;
            case 12: w.Write(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)); break;
            case 9:
                var items = ((System.Collections.IEnumerable)value).Cast<object>().ToList();
                w.Write(elementType);
                w.Write((ulong)items.Count);
                foreach (var item in items)
                    WriteValue(w, elementType, 0, item, key);
                break;
            default:
                throw new InvalidOperationException($"Metadata '{key}' has unknown GGUF type {type}.");
        }
    }
}
