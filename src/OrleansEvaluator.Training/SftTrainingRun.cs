using System.Diagnostics;
using OrleansEvaluator.Data;
using OrleansEvaluator.Inference.Gguf;

namespace OrleansEvaluator.Training;

/// <summary>
/// A whole supervised fine-tuning run: validate and tokenize the examples, hold out a validation split, pack,
/// mix in replay data, shuffle per epoch with the run's seed, train, report progress, stop early, checkpoint, and
/// resume from a checkpoint where it left off. Bad input fails before any native training call.
/// </summary>
public static class SftTrainingRun
{
    private const string EpochKey = "oeval.checkpoint.epoch";
    private const string WindowKey = "oeval.checkpoint.window";

    /// <summary>Runs the training; <paramref name="resumeFrom"/> continues a checkpoint of the same data and options.</summary>
    public static SftRunResult Run(string basePath, IReadOnlyList<SftExample> examples, IReadOnlyList<SftExample> replay, SftRunOptions options,
        IProgress<SftProgress>? progress = null, string? resumeFrom = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(replay);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is [var problem, ..])
            throw new ArgumentException("SFT options: " + problem);
        if (examples.Count == 0)
            throw new ArgumentException("Data: the training set is empty.");
        if (options.ReplayFraction > 0 && replay.Count == 0)
            throw new ArgumentException("Replay: ReplayFraction is set but there is no replay data.");

        // Split: a seeded shuffle; the tail is the validation set.
        var order = examples.ToArray();
        new Random(Seed(options.Seed, 0x5117)).Shuffle(order);
        var validationCount = (int)Math.Round(order.Length * options.ValidationFraction);
        var validation = order[..validationCount];
        var training = order[validationCount..];
        if (training.Length == 0)
            throw new ArgumentException("Data: no training examples are left after the validation split.");

        var window = options.Trainer.ContextLength;
        using var tokenizer = new SftTokenizer(basePath);
        // Every epoch packs the same examples again: tokenize each text once.
        var tokenized = new Dictionary<(string Text, bool Bos), int[]>();
        SftPacker.Tokenize tokenize = (text, bos) => tokenized.TryGetValue((text, bos), out var t) ? t : tokenized[(text, bos)] = tokenizer.Tokenize(text, bos);
        var extra = (int)Math.Round(training.Length * options.ReplayFraction / (1 - options.ReplayFraction));
        var epochWindows = new List<TrainingWindow[]>();
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            // Packing happens up front for every epoch: all tokenizer and length errors surface before training starts.
            var mixed = training.Concat(Draw(replay, extra, Seed(options.Seed, 1000 + epoch))).ToArray();
            epochWindows.Add(SftPacker.Pack(mixed, tokenize, tokenizer.EndToken, window, (ulong)Seed(options.Seed, 2000 + epoch)).ToArray());
        }
        var validationWindows = validation.Length == 0 ? [] : SftPacker.Pack(validation, tokenize, tokenizer.EndToken, window, options.Seed).ToArray();

        // A batch larger than an epoch would leave every window unused and the model untrained: cap it at one epoch.
        var accumulation = Math.Min(options.Trainer.GradientAccumulation, epochWindows.Min(w => w.Length));
        var totalSteps = epochWindows.Sum(w => w.Length / accumulation);
        var trainerOptions = options.Trainer with
        {
            GradientAccumulation = accumulation,
            TotalSteps = options.Trainer.TotalSteps == 0 ? totalSteps : options.Trainer.TotalSteps,
        };

        int startEpoch = 0, startWindow = 0;
        LlamaTrainer trainer;
        if (resumeFrom is not null)
        {
            var checkpoint = GgufDocument.Read(resumeFrom);
            trainer = LlamaTrainer.Resume(checkpoint, resumeFrom, trainerOptions);
            startEpoch = (int)(checkpoint.Get(EpochKey) as uint? ?? 0);
            startWindow = (int)(checkpoint.Get(WindowKey) as uint? ?? 0);
        }
        else
        {
            trainer = new LlamaTrainer(GgufDocument.Read(basePath), basePath, trainerOptions);
        }

        using (trainer)
        {
            var trainLosses = new List<double>();
            var validationLosses = new List<double>();
            var best = double.PositiveInfinity;
            float[][]? bestWeights = null;
            var sinceBest = 0;
            var stoppedEarly = false;
            var clock = Stopwatch.StartNew();
            long tokens = 0;
            var epochsRun = startEpoch;
            for (var epoch = startEpoch; epoch < options.Epochs; epoch++)
            {
                var windows = epochWindows[epoch];
                var usable = windows.Length / accumulation * accumulation;
                var losses = new List<double>();
                var stepLosses = new List<double>();
                for (var w = epoch == startEpoch ? startWindow : 0; w < usable; w++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var loss = trainer.Step(windows[w]);
                    losses.Add(loss);
                    stepLosses.Add(loss);
                    tokens += window;
                    if ((w + 1) % accumulation != 0)
                        continue;
                    progress?.Report(new SftProgress(epoch + 1, trainer.OptimizerSteps, totalSteps, stepLosses.Average(), tokens / clock.Elapsed.TotalSeconds, null));
                    stepLosses.Clear();
                    if (options.CheckpointEvery > 0 && trainer.OptimizerSteps % options.CheckpointEvery == 0)
                    {
                        var (nextEpoch, nextWindow) = w + 1 < usable ? (epoch, w + 1) : (epoch + 1, 0);
                        trainer.SaveCheckpoint(options.CheckpointPath!, new Dictionary<string, uint> { [EpochKey] = (uint)nextEpoch, [WindowKey] = (uint)nextWindow });
                    }
                }
                epochsRun = epoch + 1;
                trainLosses.Add(losses.Count == 0 ? double.NaN : losses.Average());
                if (validationWindows.Length == 0)
                    continue;
                var validationLoss = validationWindows.Average(trainer.Evaluate);
                validationLosses.Add(validationLoss);
                progress?.Report(new SftProgress(epoch + 1, trainer.OptimizerSteps, totalSteps, trainLosses[^1], tokens / Math.Max(clock.Elapsed.TotalSeconds, 1e-9), validationLoss));
                if (options.Patience == 0)
                    continue;
                if (validationLoss < best)
                {
                    best = validationLoss;
                    bestWeights = trainer.Snapshot();
                    sinceBest = 0;
                }
                else if (++sinceBest >= options.Patience)
                {
                    stoppedEarly = true;
                    break;
                }
            }
            if (bestWeights is not null)
                trainer.Restore(bestWeights);
            return new SftRunResult(trainer.Export(), epochsRun, trainer.OptimizerSteps, trainLosses, validationLosses, stoppedEarly,
                options.Trainer.Lora is null ? null : trainer.ExportAdapter());
        }
    }

    private static IEnumerable<SftExample> Draw(IReadOnlyList<SftExample> replay, int count, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
            yield return replay[random.Next(replay.Count)];
    }

    private static int Seed(ulong seed, int stream) => unchecked((int)(seed ^ (seed >> 32)) * 31 + stream);
}
