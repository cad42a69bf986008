namespace OrleansEvaluator.Core.Formats;

/// <summary>A problem with one line of an input file: where it is and what is wrong. Nothing is lost silently.</summary>
/// <param name="File">The file.</param>
/// <param name="Line">1-based line number.</param>
/// <param name="Reason">What is wrong, naming the field where there is one.</param>
public sealed record DataIssue(string File, int Line, string Reason)
{
    /// <summary><c>file:line: reason</c>, the form compilers use, so editors can jump to it.</summary>
    public override string ToString() => $"{File}:{Line}: {Reason}";
}
