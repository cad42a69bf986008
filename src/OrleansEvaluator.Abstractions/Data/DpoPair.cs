using MessagePack;

namespace OrleansEvaluator.Data;

/// <summary>A preference-optimisation row: a correct judgment and a wrong or unparseable one of the same prompt.</summary>
[MessagePackObject]
public sealed record DpoPair(
    [property: Key(0)] string Id,
    [property: Key(1)] string Prompt,
    [property: Key(2)] string Chosen,
    [property: Key(3)] string Rejected);
