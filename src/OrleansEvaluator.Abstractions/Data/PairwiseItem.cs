using MessagePack;

namespace OrleansEvaluator.Data;

/// <summary>
/// A human-labelled pairwise evaluation item. For a tie, <see cref="Chosen"/> and <see cref="Rejected"/> hold the
/// two responses in source order and <see cref="Tie"/> is true.
/// </summary>
/// <param name="Id">Stable id from the source file.</param>
/// <param name="Benchmark">The set it belongs to (file stem, e.g. <c>rewardbench_llmbar_subsets</c>).</param>
/// <param name="Subset">Source category (a RewardBench subset name, an Auto-J scenario, …).</param>
/// <param name="Prompt">The user instruction.</param>
/// <param name="Chosen">The preferred response (the first response for a tie).</param>
/// <param name="Rejected">The other response.</param>
/// <param name="Tie">True when the human label is a tie.</param>
/// <param name="ChosenPosition">1 or 2: where the chosen response stood in the source; null when unknown or a tie.</param>
[MessagePackObject]
public sealed record PairwiseItem(
    [property: Key(0)] string Id,
    [property: Key(1)] string Benchmark,
    [property: Key(2)] string Subset,
    [property: Key(3)] string Prompt,
    [property: Key(4)] string Chosen,
    [property: Key(5)] string Rejected,
    [property: Key(6)] bool Tie,
    [property: Key(7)] int? ChosenPosition);
