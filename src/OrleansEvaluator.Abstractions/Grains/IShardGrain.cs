using OrleansEvaluator.Runs;

namespace OrleansEvaluator.Grains;

/// <summary>
/// One shard of a run (key: <c>run/shard</c>): synthesizes its pairs and judges them, fanning requests out to the
/// workers. Each stage is idempotent per iteration: asking again returns the stored report, and an interrupted
/// stage continues from its last finished chunk.
/// </summary>
public interface IShardGrain : IGrainWithStringKey
{
    /// <summary>Builds the shard's preference pairs (once per run).</summary>
    [ResponseTimeout("12:00:00")]
    Task<ShardReport> SynthesizeAsync(SynthesisWork work);

    /// <summary>Judges the shard's pairs with one judge version.</summary>
    [ResponseTimeout("12:00:00")]
    Task<ShardReport> JudgeAsync(JudgeWork work);

    /// <summary>Items finished in the stage in progress (for progress displays).</summary>
    [Orleans.Concurrency.AlwaysInterleave]
    Task<int> ProgressAsync();
}
