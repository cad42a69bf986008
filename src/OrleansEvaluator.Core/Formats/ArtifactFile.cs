using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using MessagePack;

namespace OrleansEvaluator.Core.Formats;

/// <summary>
/// The binary artifact format: a header (magic <c>OEVA</c>, format version, record kind) followed by the records
/// as one MessagePack array, LZ4 block-array compressed. Deterministic: the same records give the same bytes,
/// so an artifact's id is the sha256 of its bytes.
/// </summary>
public static class ArtifactFile
{
    /// <summary>The version this build writes and the newest it reads.</summary>
    public const ushort FormatVersion = 1;

    private static readonly byte[] s_magic = "OEVA"u8.ToArray();

    private static readonly MessagePackSerializerOptions s_options =
        MessagePackSerializerOptions.Standard.WithCompression(MessagePackCompression.Lz4BlockArray).WithSecurity(MessagePackSecurity.UntrustedData);

    /// <summary>Serializes the records.</summary>
    public static byte[] Serialize<T>(IReadOnlyList<T> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var kind = Encoding.ASCII.GetBytes(RecordKind.Of<T>());
        using var stream = new MemoryStream();
        stream.Write(s_magic);
        Span<byte> version = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(version, FormatVersion);
        stream.Write(version);
        stream.WriteByte((byte)kind.Length);
        stream.Write(kind);
        MessagePackSerializer.Serialize(stream, records.ToArray(), s_options);
        return stream.ToArray();
    }

    /// <summary>Reads records of kind <typeparamref name="T"/>; <paramref name="name"/> is used in error messages.</summary>
    /// <exception cref="InvalidDataException">Not an artifact, a newer format, another record kind, or corrupt; the message names <paramref name="name"/>.</exception>
    public static IReadOnlyList<T> Deserialize<T>(ReadOnlyMemory<byte> bytes, string name)
    {
        var span = bytes.Span;
        if (span.Length < 7 || !span[..4].SequenceEqual(s_magic))
            throw new InvalidDataException($"{name}: not an OrleansEvaluator artifact (no 'OEVA' header).");
        var version = BinaryPrimitives.ReadUInt16LittleEndian(span[4..6]);
        if (version > FormatVersion || version == 0)
            throw new InvalidDataException($"{name}: artifact format version {version}; this build reads versions 1 to {FormatVersion}.");
        var kindLength = span[6];
        if (span.Length < 7 + kindLength)
            throw new InvalidDataException($"{name}: truncated artifact header.");
        var kind = Encoding.ASCII.GetString(span.Slice(7, kindLength));
        var expected = RecordKind.Of<T>();
        if (kind != expected)
            throw new InvalidDataException($"{name}: holds '{kind}' records, not '{expected}'.");
        try
        {
            return MessagePackSerializer.Deserialize<T[]>(bytes[(7 + kindLength)..], s_options);
        }
        catch (MessagePackSerializationException e)
        {
            throw new InvalidDataException($"{name}: corrupt '{kind}' payload ({e.InnerException?.Message ?? e.Message}).", e);
        }
    }

    /// <summary>Writes an artifact file through a temporary file and returns its id (<c>sha256:</c> + hex).</summary>
    public static string Write<T>(string path, IReadOnlyList<T> records)
    {
        var bytes = Serialize(records);
        var temp = path + ".tmp";
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, path, overwrite: true);
        return Id(bytes);
    }

    /// <summary>Reads an artifact file.</summary>
    public static IReadOnlyList<T> Read<T>(string path) => Deserialize<T>(File.ReadAllBytes(path), path);

    /// <summary>The content address of artifact bytes.</summary>
    public static string Id(ReadOnlySpan<byte> bytes) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));
}
