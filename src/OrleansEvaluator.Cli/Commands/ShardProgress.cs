namespace OrleansEvaluator.Cli.Commands;

/// <summary>One shard's place in the stage in progress, for <see cref="RunLiveView"/>.</summary>
/// <param name="Index">The shard index.</param>
/// <param name="Done">Items finished.</param>
/// <param name="Total">Items in the shard's stage; null when the status does not tell.</param>
internal sealed record ShardProgress(int Index, int Done, int? Total);
