namespace OrleansEvaluator.Core.Prompts;

/// <summary>
/// A prompt task: a versioned template that formats inputs into chat messages (each task's own <c>Format</c>), and a
/// parser that turns generated text into <typeparamref name="TParse"/>. A failed parse is a value that keeps the
/// raw text and a reason; parsing never throws on any string.
/// </summary>
public interface IPromptTask<out TParse>
{
    /// <summary>The template the task renders; record its <see cref="PromptTemplate.Id"/> with every output.</summary>
    PromptTemplate Template { get; }

    /// <summary>Parses generated text, never a prompt.</summary>
    TParse Parse(string generated);
}
