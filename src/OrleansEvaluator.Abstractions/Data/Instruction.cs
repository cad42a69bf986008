using MessagePack;

namespace OrleansEvaluator.Data;

/// <summary>An unlabelled user instruction (the x of a pair).</summary>
/// <param name="Id">Stable id: the source's, or derived from the text.</param>
/// <param name="Text">The instruction (for a conversation: its last user turn).</param>
/// <param name="Source">Where it came from (file or dataset name), if known.</param>
/// <param name="Category">A category given by the source, if any.</param>
[MessagePackObject]
public sealed record Instruction(
    [property: Key(0)] string Id,
    [property: Key(1)] string Text,
    [property: Key(2)] string? Source,
    [property: Key(3)] string? Category);
