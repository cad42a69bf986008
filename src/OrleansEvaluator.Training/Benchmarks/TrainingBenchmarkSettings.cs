namespace OrleansEvaluator.Training.Benchmarks;

/// <summary>Workload of <see cref="TrainingBenchmark"/>.</summary>
public sealed record TrainingBenchmarkSettings
{
    public int ContextLength { get; init; } = 128;

    public int Windows { get; init; } = 16;

    public int Rounds { get; init; } = 5;

    public int Threads { get; init; } = Environment.ProcessorCount;

    public int Seed { get; init; } = 1;
}
