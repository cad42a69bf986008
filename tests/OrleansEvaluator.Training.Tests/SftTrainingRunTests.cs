using OrleansEvaluator.Data;
using OrleansEvaluator.Generation;
using OrleansEvaluator.Inference.Gguf;

namespace OrleansEvaluator.Training.Tests;

public sealed class SftTrainingRunTests
{
    private static readonly SftExample[] s_data = Enumerable.Range(0, 40)
        .Select(i => new SftExample($"e{i}", $"Tom has {i % 7} red balls. How many? ", $"{i % 7}.", AnswerOnlyLoss: true)).ToArray();

    private static SftRunOptions Options(string? checkpoint = null) => new()
    {
        Trainer = new TrainerOptions { ContextLength = 48, LearningRate = 2e-3f, WarmupSteps = 2, GradientAccumulation = 2, Threads = 2 },
        Epochs = 2, ValidationFraction = 0.1, Seed = 9, CheckpointEvery = checkpoint is null ? 0 : 2, CheckpointPath = checkpoint,
    };

    /// <summary>Reports synchronously, so a test can cancel at an exact step.</summary>
    private sealed class Callback(Action<SftProgress> action) : IProgress<SftProgress>
    {
        public void Report(SftProgress value) => action(value);
    }

    [Fact]
    public void A_run_cancelled_after_a_checkpoint_and_resumed_ends_with_the_weights_of_an_uninterrupted_run()
    {
        var straight = SftTrainingRun.Run(SharedModels.Stories260K, s_data, [], Options(), cancellationToken: TestContext.Current.CancellationToken);

        var checkpoint = Path.Combine(Directory.CreateTempSubdirectory("oeval-run-").FullName, "run.ckpt.gguf");
        using var cancel = new CancellationTokenSource();
        var reports = new List<SftProgress>();
        Assert.Throws<OperationCanceledException>(() => SftTrainingRun.Run(SharedModels.Stories260K, s_data, [], Options(checkpoint),
            new Callback(p => { reports.Add(p); if (p.Step == 4) cancel.Cancel(); }), cancellationToken: cancel.Token));
        Assert.True(File.Exists(checkpoint));

        var resumed = SftTrainingRun.Run(SharedModels.Stories260K, s_data, [], Options(checkpoint), resumeFrom: checkpoint,
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(straight.Steps, resumed.Steps);
        foreach (var t in straight.Model.Tensors)
            Assert.True(t.Data.AsSpan().SequenceEqual(resumed.Model.Tensor(t.Name).Data), $"tensor {t.Name} differs");
        Assert.Contains(reports, r => r.TokensPerSecond > 0 && r.TotalSteps == straight.Steps);
    }

    [Fact]
    public void A_trained_model_keeps_the_chat_format_its_base_declares()
    {
        var folder = Directory.CreateTempSubdirectory("oeval-run-").FullName;
        try
        {
            var declared = Path.Combine(folder, "declared.gguf");
            var source = GgufDocument.Read(SharedModels.Stories260K);
            source.Set(RawPrompt.FormatKey, RawPrompt.TemplateName);
            source.Write(declared);

            var result = SftTrainingRun.Run(declared, s_data, [], Options() with { Epochs = 1 }, cancellationToken: TestContext.Current.CancellationToken);

            Assert.Equal(RawPrompt.TemplateName, result.Model.Get(RawPrompt.FormatKey));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Early_stopping_keeps_the_best_epoch_when_validation_loss_turns_up()
    {
        // A learning rate far too high makes validation loss climb after the first epoch.
        var result = SftTrainingRun.Run(SharedModels.Stories260K, s_data, [], Options() with
        {
            Trainer = Options().Trainer with { LearningRate = 0.05f, WarmupSteps = 0 }, Epochs = 6, Patience = 1, ValidationFraction = 0.25,
        }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(result.StoppedEarly, string.Join(", ", result.ValidationLoss));
        Assert.True(result.Epochs < 6);
        var best = result.ValidationLoss.Min();
        Assert.True(result.ValidationLoss[^1] > best);
    }

    [Fact]
    public void Bad_data_is_refused_before_training_naming_the_example()
    {
        var ct = TestContext.Current.CancellationToken;
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => SftTrainingRun.Run(SharedModels.Stories260K, [], [], Options(), cancellationToken: ct)).Message, StringComparison.Ordinal);
        var tooLong = new SftExample("long-one", new string('x', 400), "y", true);
        Assert.Contains("Example 'long-one'", Assert.Throws<ArgumentException>(() =>
            SftTrainingRun.Run(SharedModels.Stories260K, [.. s_data, tooLong], [], Options(), cancellationToken: ct)).Message, StringComparison.Ordinal);
        var unencodable = new SftExample("cjk", "日本", "x", true);
        Assert.Contains("Example 'cjk'", Assert.Throws<ArgumentException>(() =>
            SftTrainingRun.Run(SharedModels.TinyStories656K, [unencodable], [], Options() with { ValidationFraction = 0 }, cancellationToken: ct)).Message, StringComparison.Ordinal);
        Assert.Contains("Replay", Assert.Throws<ArgumentException>(() =>
            SftTrainingRun.Run(SharedModels.Stories260K, s_data, [], Options() with { ReplayFraction = 0.3 }, cancellationToken: ct)).Message, StringComparison.Ordinal);
    }
}
