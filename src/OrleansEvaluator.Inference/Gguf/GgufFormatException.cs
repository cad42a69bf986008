namespace OrleansEvaluator.Inference.Gguf;

/// <summary>A file is not a readable GGUF model. The message names the file and, where known, the byte offset.</summary>
public sealed class GgufFormatException : Exception
{
    public GgufFormatException(string path, long? offset, string reason)
        : base(offset is { } o ? $"{path}: {reason} (at byte {o})." : $"{path}: {reason}.")
    {
        Path = path;
        Offset = offset;
        Reason = reason;
    }

    public GgufFormatException()
    {
        Path = Reason = string.Empty;
    }

    public GgufFormatException(string message) : base(message)
    {
        Path = Reason = string.Empty;
    }

    public GgufFormatException(string message, Exception innerException) : base(message, innerException)
    {
        Path = Reason = string.Empty;
    }

    /// <summary>The file that failed.</summary>
    public string Path { get; }

    /// <summary>The byte offset where reading failed, when known.</summary>
    public long? Offset { get; }

    /// <summary>What is wrong, without the path.</summary>
    public string Reason { get; }
}
