using System.Diagnostics;
using System.Globalization;
using OrleansEvaluator.Inference.Gguf;

namespace OrleansEvaluator.Training.Benchmarks;

/// <summary>
/// <c>oeval bench training</c>: training steps (forward, backward, AdamW) against forward-only passes of the same
/// graph on the same windows, alternating in one process. The FLOP ideal of the ratio is about 1/3.
/// </summary>
public sealed class TrainingBenchmark(string modelPath, TrainingBenchmarkSettings settings, TextWriter output)
{
    public TrainingBenchmarkResult Run()
    {
        var model = GgufDocument.Read(modelPath);
        var shape = LlamaHyperParameters.From(model, modelPath);
        var random = new Random(settings.Seed);
        var windows = Enumerable.Range(0, settings.Windows)
            .Select(_ => TrainingWindow.Causal(Enumerable.Range(0, settings.ContextLength + 1).Select(_ => random.Next(3, shape.VocabularySize)).ToArray()))
            .ToArray();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"training bench: {Path.GetFileName(modelPath)}, {settings.Windows} windows x {settings.ContextLength} tokens, {settings.Threads} threads, {settings.Rounds} rounds"));

        using var trainer = new LlamaTrainer(model, modelPath, new TrainerOptions { ContextLength = settings.ContextLength, Threads = settings.Threads });
        using var forward = new ForwardEvaluator(model, modelPath, settings.ContextLength, settings.Threads);
        trainer.Step(windows[0]);
        forward.MeanNll(windows[0].Tokens);

        var train = new List<double>();
        var infer = new List<double>();
        var tokens = (double)settings.Windows * settings.ContextLength;
        for (var round = 0; round < settings.Rounds; round++)
        {
            var sw = Stopwatch.StartNew();
            foreach (var w in windows)
                trainer.Step(w);
            train.Add(tokens / sw.Elapsed.TotalSeconds);
            sw.Restart();
            foreach (var w in windows)
                forward.MeanNll(w.Tokens);
            infer.Add(tokens / sw.Elapsed.TotalSeconds);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  round {round + 1}: train {train[^1]:F0} tok/s, forward {infer[^1]:F0} tok/s"));
        }
        var trainMedian = Median(train);
        var forwardMedian = Median(infer);
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"train: {trainMedian:F0} tok/s (median)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"forward: {forwardMedian:F0} tok/s (median)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak-rss: {peak / (1024.0 * 1024):F0} MiB"));
        var ratio = trainMedian / forwardMedian;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"train-forward-ratio: {ratio:F2}"));
        return new TrainingBenchmarkResult(trainMedian, forwardMedian, ratio, peak);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
