namespace OrleansEvaluator.Cli.Commands;

/// <summary>Settings of <see cref="ClusterBenchmark"/>.</summary>
internal sealed record ClusterBenchmarkSettings
{
    public int Pairs { get; init; } = 1536;
    public int Samples { get; init; } = 4;
    public int Shards { get; init; } = 8;
    public int ChunkSize { get; init; } = 4;
    public int ChunksInFlight { get; init; } = 8;
    public int LatencyMilliseconds { get; init; } = 50;
    public int Capacity { get; init; } = 8;
    public IReadOnlyList<int> WorkerCounts { get; init; } = [1, 2, 4];
}
