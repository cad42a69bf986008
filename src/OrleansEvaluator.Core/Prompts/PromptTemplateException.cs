namespace OrleansEvaluator.Core.Prompts;

/// <summary>A template file failed validation; <see cref="Errors"/> lists every problem found, not just the first.</summary>
public sealed class PromptTemplateException : Exception
{
    /// <summary>Creates the exception from the problems found; the message lists them one per line.</summary>
    public PromptTemplateException(IReadOnlyList<PromptTemplateError> errors)
        : base(string.Join(Environment.NewLine, errors ?? []))
    {
        Errors = errors ?? [];
    }

    /// <summary>Every problem found, in line order.</summary>
    public IReadOnlyList<PromptTemplateError> Errors { get; }
}
