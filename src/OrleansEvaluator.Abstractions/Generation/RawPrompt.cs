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

    /// <summary>
    /// The GGUF metadata key by which a model without <c>tokenizer.chat_template</c> names the chat format it was trained
    /// to read (<see cref="TemplateName"/> or a llama.cpp built-in name). It wins over the engine's fallback, so a model
    /// trained on raw text is asked in raw text by every silo, whatever fallback that silo was configured with.
    /// </summary>
    public const string FormatKey = "oeval.chat_format";

    /// <summary>The prompt text of <paramref name="messages"/>.</summary>
    public static string Render(IReadOnlyList<ChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return string.Join("\n", messages.Select(m => m.Content));
    }
}
