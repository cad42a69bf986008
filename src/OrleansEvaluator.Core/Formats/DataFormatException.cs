namespace OrleansEvaluator.Core.Formats;

/// <summary>An input file is malformed and the policy is to fail; the message starts with <c>file:line:</c>.</summary>
public sealed class DataFormatException : Exception
{
    public DataFormatException() { }

    public DataFormatException(string message) : base(message) { }

    public DataFormatException(string message, Exception innerException) : base(message, innerException) { }

    public DataFormatException(DataIssue issue) : base(issue?.ToString()) => Issue = issue;

    /// <summary>The offending line, when known.</summary>
    public DataIssue? Issue { get; }
}
