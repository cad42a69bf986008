using MessagePack;

namespace OrleansEvaluator.Data;

/// <summary>
/// A synthetic preference pair: <see cref="Chosen"/> answers <see cref="Instruction"/>; <see cref="Rejected"/> is a
/// good answer to the subtly different <see cref="ModifiedInstruction"/>, hence a worse answer to the original.
/// </summary>
[MessagePackObject]
public sealed record PreferencePair(
    [property: Key(0)] string Id,
    [property: Key(1)] string InstructionId,
    [property: Key(2)] string Instruction,
    [property: Key(3)] string ModifiedInstruction,
    [property: Key(4)] string Chosen,
    [property: Key(5)] string Rejected,
    [property: Key(6)] string GeneratorModel);
