namespace OrleansEvaluator.Core.Prompts;

/// <summary>One problem in a template file: where it is (<paramref name="Source"/>, 1-based <paramref name="Line"/>) and what.</summary>
public sealed record PromptTemplateError(string Source, int Line, string Message)
{
    /// <summary><c>source:line: message</c>.</summary>
    public override string ToString() => $"{Source}:{Line}: {Message}";
}
