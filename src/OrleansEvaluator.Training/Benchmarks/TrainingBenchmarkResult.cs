namespace OrleansEvaluator.Training.Benchmarks;

/// <summary>Medians measured by <see cref="TrainingBenchmark"/>.</summary>
public sealed record TrainingBenchmarkResult(double TrainTokensPerSecond, double ForwardTokensPerSecond, double Ratio, long PeakResidentBytes);
