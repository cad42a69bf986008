namespace OrleansEvaluator.Core.Runs;

/// <summary>A run config is invalid; the message lists every problem as <c>file: field: problem</c>.</summary>
public sealed class RunConfigException : Exception
{
    public RunConfigException() { }

    public RunConfigException(string message) : base(message) { }

    public RunConfigException(string message, Exception innerException) : base(message, innerException) { }

    public RunConfigException(string source, IReadOnlyList<string> problems)
        : base($"{source}: invalid run config:{Environment.NewLine}" + string.Join(Environment.NewLine, (problems ?? []).Select(p => $"  {source}: {p}")))
    {
        Problems = problems ?? [];
    }

    /// <summary>The problems, each naming its field.</summary>
    public IReadOnlyList<string> Problems { get; } = [];
}
