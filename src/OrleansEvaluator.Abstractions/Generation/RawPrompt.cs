namespace OrleansEvaluator.Generation;

/// <summary>
/// The chat format of base models that have none (<c>ChatTemplateFallback = "raw"</c>): the message contents, in
/// order, joined by line breaks, with no role markers and no assistant prefix. Training data for such a model is
/// rendered with the same function, so it reads exactly what it will be asked.
/// </summary>
public static class RawPrompt
{
    /// <summary>The name that selects this format.</summary>
    public const string TemplateName = "raw";

    /// <summary>The prompt text of <paramref name="messages"/>.</summary>
    public static string Render(IReadOnlyList<ChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return string.Join("\n", messages.Select(m => m.Content));
    }
}
