using System.CommandLine;
using System.Globalization;
using OrleansEvaluator.Core.Formats;
using OrleansEvaluator.Data;
using OrleansEvaluator.Training;

namespace OrleansEvaluator.Cli.Commands;

/// <summary><c>oeval train</c>: supervised fine-tuning of a GGUF model on SFT JSONL, in process.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var baseModel = new Option<FileInfo>("--base") { Description = "GGUF model to start from (F32 or F16 llama).", Required = true };
        var data = new Option<FileInfo[]>("--data")
        {
            Description = "SFT JSONL: {\"id\",\"prompt\",\"target\",\"answer_only_loss\"}; repeat it to train on several files as one set.",
            Required = true, AllowMultipleArgumentsPerToken = true,
        };
        var output = new Option<FileInfo>("--out") { Description = "Where to write the trained GGUF.", Required = true };
        var replay = new Option<FileInfo?>("--replay") { Description = "SFT JSONL of the base model's own data, mixed in against forgetting." };
        var replayFraction = new Option<double>("--replay-fraction") { Description = "Share of each epoch drawn from --replay.", DefaultValueFactory = _ => 0.3 };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the data.", DefaultValueFactory = _ => 3 };
        var lr = new Option<float>("--lr") { Description = "Peak AdamW learning rate.", DefaultValueFactory = _ => 1e-3f };
        var context = new Option<int>("--context") { Description = "Tokens per training window.", DefaultValueFactory = _ => 128 };
        var accumulation = new Option<int>("--accumulation") { Description = "Windows per optimizer step.", DefaultValueFactory = _ => 1 };
        var warmup = new Option<int>("--warmup") { Description = "Warm-up optimizer steps.", DefaultValueFactory = _ => 10 };
        var validation = new Option<double>("--validation") { Description = "Share of the data held out for validation.", DefaultValueFactory = _ => 0.1 };
        var patience = new Option<int>("--patience") { Description = "Early stopping: epochs without a better validation loss (0: off).", DefaultValueFactory = _ => 0 };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the split, shuffles and replay draws.", DefaultValueFactory = _ => 0UL };
        var checkpoint = new Option<FileInfo?>("--checkpoint") { Description = "Checkpoint file, written every --checkpoint-every steps." };
        var checkpointEvery = new Option<int>("--checkpoint-every") { Description = "Optimizer steps between checkpoints.", DefaultValueFactory = _ => 50 };
        var resume = new Option<bool>("--resume") { Description = "Continue from --checkpoint." };
        var lora = new Option<int>("--lora") { Description = "Train a LoRA adapter of this rank instead of every weight (works on Q8_0 bases); --out gets the adapter.", DefaultValueFactory = _ => 0 };
        var loraAlpha = new Option<float?>("--lora-alpha") { Description = "Adapter scale numerator (default: the rank)." };
        var merge = new Option<bool>("--merge") { Description = "With --lora: write the base with the adapter merged in (F32) instead of the adapter." };
        var threads = CommonOptions.Threads();
        var command = new Command("train", "Fine-tune a GGUF model on SFT JSONL (loss on answers where asked) and write a new GGUF.")
        {
            baseModel, data, output, replay, replayFraction, epochs, lr, context, accumulation, warmup, validation, patience, seed, checkpoint, checkpointEvery, resume,
            lora, loraAlpha, merge, threads,
        };
        command.SetAction((parse, ct) => CliErrors.RunAsync(() =>
        {
            var examples = parse.GetValue(data)!.SelectMany(f => ReadExamples(f.FullName)).ToList();
            var replayFile = parse.GetValue(replay);
            var replayExamples = replayFile is null ? [] : ReadExamples(replayFile.FullName);
            var checkpointFile = parse.GetValue(checkpoint)?.FullName;
            if (parse.GetValue(resume) && (checkpointFile is null || !File.Exists(checkpointFile)))
                throw new ArgumentException("--resume: needs --checkpoint naming an existing checkpoint file.");
            var options = new SftRunOptions
            {
                Trainer = new TrainerOptions
                {
                    ContextLength = parse.GetValue(context), LearningRate = parse.GetValue(lr), GradientAccumulation = parse.GetValue(accumulation),
                    WarmupSteps = parse.GetValue(warmup), Threads = parse.GetValue(threads),
                    Lora = parse.GetValue(lora) is > 0 and var rank
                        ? new LoraOptions { Rank = rank, Alpha = parse.GetValue(loraAlpha) ?? rank, Seed = parse.GetValue(seed) }
                        : null,
                },
                Epochs = parse.GetValue(epochs), ValidationFraction = parse.GetValue(validation), Patience = parse.GetValue(patience),
                ReplayFraction = replayFile is null ? 0 : parse.GetValue(replayFraction), Seed = parse.GetValue(seed),
                CheckpointEvery = checkpointFile is null ? 0 : parse.GetValue(checkpointEvery), CheckpointPath = checkpointFile,
            };
            var result = SftTrainingRun.Run(parse.GetValue(baseModel)!.FullName, examples, replayExamples, options, new Printer(parse.InvocationConfiguration.Output),
                parse.GetValue(resume) ? checkpointFile : null, ct);
            if (parse.GetValue(merge) && result.Adapter is null)
                throw new ArgumentException("--merge: only with --lora.");
            var target = parse.GetValue(output)!.FullName;
            (result.Adapter is not null && !parse.GetValue(merge) ? result.Adapter : result.Model).Write(target);
            parse.InvocationConfiguration.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"wrote {target}: {result.Epochs} epochs, {result.Steps} steps{(result.StoppedEarly ? ", stopped early (best validation epoch kept)" : "")}"));
            return Task.FromResult(0);
        }, parse.InvocationConfiguration.Error));
        return command;
    }

    private static List<SftExample> ReadExamples(string path)
    {
        var read = JsonlFile.Read<SftExample>(path, MalformedLinePolicy.Fail);
        return read.Records.ToList();
    }

    private sealed class Printer(TextWriter writer) : IProgress<SftProgress>
    {
        public void Report(SftProgress p) => writer.WriteLine(p.ValidationLoss is { } v
            ? string.Create(CultureInfo.InvariantCulture, $"epoch {p.Epoch}: train loss {p.Loss:F4}, validation loss {v:F4}")
            : string.Create(CultureInfo.InvariantCulture, $"epoch {p.Epoch} step {p.Step}/{p.TotalSteps}: loss {p.Loss:F4}, {p.TokensPerSecond:F0} tok/s"));
    }
}
