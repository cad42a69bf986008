namespace OrleansEvaluator.Inference.Benchmarks;

/// <summary>Medians measured by <see cref="EngineBenchmark"/>.</summary>
public sealed record EngineBenchmarkResult(double RawTokensPerSecond, double SchedulerTokensPerSecond, double ThroughputRatio, double ForkSpeedup);
