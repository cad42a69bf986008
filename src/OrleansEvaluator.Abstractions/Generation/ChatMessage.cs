namespace OrleansEvaluator.Generation;

/// <summary>One turn of a chat: <paramref name="Role"/> is <c>system</c>, <c>user</c> or <c>assistant</c>.</summary>
[GenerateSerializer, Immutable, Alias("oeval.ChatMessage")]
public sealed record ChatMessage([property: Id(0)] string Role, [property: Id(1)] string Content)
{
    /// <summary>A system turn.</summary>
    public static ChatMessage System(string content) => new("system", content);

    /// <summary>A user turn.</summary>
    public static ChatMessage User(string content) => new("user", content);

    /// <summary>An assistant turn.</summary>
    public static ChatMessage Assistant(string content) => new("assistant", content);
}
