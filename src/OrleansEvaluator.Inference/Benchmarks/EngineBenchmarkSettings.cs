namespace OrleansEvaluator.Inference.Benchmarks;

/// <summary>Workload of <see cref="EngineBenchmark"/>.</summary>
public sealed record EngineBenchmarkSettings
{
    public int Requests { get; init; } = 64;

    public int NewTokens { get; init; } = 64;

    public int Rounds { get; init; } = 5;

    public int ForkSamples { get; init; } = 8;

    public int ForkPromptTokens { get; init; } = 400;

    public int ForkNewTokens { get; init; } = 16;

    public int ContextSize { get; init; } = 8192;

    public int Threads { get; init; } = Environment.ProcessorCount;
}
