using OrleansEvaluator.Training.Benchmarks;

namespace OrleansEvaluator.Training.Tests;

public sealed class TrainingBenchmarkTests
{
    [Fact]
    public void The_training_benchmark_runs_both_paths_and_ends_with_the_ratio()
    {
        var output = new StringWriter();
        var result = new TrainingBenchmark(SharedModels.Stories260K,
            new TrainingBenchmarkSettings { ContextLength = 32, Windows = 2, Rounds = 1, Threads = 2 }, output).Run();
        var lines = output.ToString().TrimEnd().Split('\n');
        Assert.StartsWith("train-forward-ratio: ", lines[^1], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("peak-rss: ", StringComparison.Ordinal));
        Assert.True(result.TrainTokensPerSecond > 0 && result.ForwardTokensPerSecond > 0 && result.PeakResidentBytes > 0);
    }
}
