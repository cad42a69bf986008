using System.Text.Json;
using LLama;
using LLama.Common;
using OrleansEvaluator.Inference.Gguf;

namespace OrleansEvaluator.Training.Tests;

/// <summary>Both implementations of the training port, on real processes and a real model.</summary>
public sealed class TrainerPortTests
{
    private static string DataFile()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("oeval-port-").FullName, "sft.jsonl");
        File.WriteAllLines(path, Enumerable.Range(0, 30).Select(i => JsonSerializer.Serialize(new
        {
            id = $"e{i}", prompt = $"Lily has {i % 5} cats. How many? ", target = $"{i % 5}.", answer_only_loss = true,
        })));
        return path;
    }

    [Fact]
    public async Task The_in_process_trainer_writes_a_model_llama_cpp_loads()
    {
        var data = DataFile();
        var output = Path.Combine(Path.GetDirectoryName(data)!, "out.gguf");
        var lines = new List<string>();
        var outcome = await new InProcessTrainer(new TrainerOptions { ContextLength = 48, Threads = 2 })
            .TrainAsync(new TrainingJob(SharedModels.Stories260K, data, output) { Epochs = 1 }, new Progress<string>(lines.Add), TestContext.Current.CancellationToken);
        Assert.True(outcome.Steps > 0);
        using var weights = LLamaWeights.LoadFromFile(new ModelParams(outcome.ModelPath) { ContextSize = 256, GpuLayerCount = 0 });
        Assert.Equal(292_800UL, weights.ParameterCount);
    }

    [Fact]
    public async Task The_job_sets_the_batch_and_a_batch_beyond_one_epoch_still_trains()
    {
        var data = DataFile();
        var trainer = new InProcessTrainer(new TrainerOptions { ContextLength = 48, Threads = 2 });
        var ct = TestContext.Current.CancellationToken;
        var single = await trainer.TrainAsync(new TrainingJob(SharedModels.Stories260K, data, data + ".1.gguf") { Epochs = 1 }, null, ct);
        var batched = await trainer.TrainAsync(new TrainingJob(SharedModels.Stories260K, data, data + ".3.gguf") { Epochs = 1, GradientAccumulation = 3 }, null, ct);
        var whole = await trainer.TrainAsync(new TrainingJob(SharedModels.Stories260K, data, data + ".all.gguf") { Epochs = 2, GradientAccumulation = 1000 }, null, ct);

        Assert.True(single.Steps >= 3, $"{single.Steps} windows");
        Assert.Equal(single.Steps / 3, batched.Steps); // one step per three windows; a remainder short of a batch is not a step
        Assert.Equal(2, whole.Steps); // capped at one epoch's windows: one step per epoch
        Assert.NotEqual(File.ReadAllBytes(SharedModels.Stories260K), File.ReadAllBytes(whole.ModelPath));
    }

    [Fact]
    public async Task An_external_command_gets_the_job_through_its_placeholders_and_its_model_is_checked()
    {
        var data = DataFile();
        var output = Path.Combine(Path.GetDirectoryName(data)!, "external.gguf");
        var trainer = new ExternalCommandTrainer(new ExternalTrainerOptions
        {
            FileName = "bash",
            Arguments = ["-c", "echo training $2 epochs at lr $3 on $(wc -l < \"$4\") lines; cp \"$0\" \"$1\"", "{base}", "{out}", "{epochs}", "{lr}", "{data}"],
        });
        var lines = new List<string>();
        var outcome = await trainer.TrainAsync(new TrainingJob(SharedModels.Stories260K, data, output) { Epochs = 2, LearningRate = 0.5f },
            new Callback(lines.Add), TestContext.Current.CancellationToken);
        Assert.Equal(output, outcome.ModelPath);
        Assert.Contains("training 2 epochs at lr 0.5 on 30 lines", lines);
        Assert.Equal(File.ReadAllBytes(SharedModels.Stories260K), File.ReadAllBytes(output));
    }

    [Fact]
    public async Task A_failing_command_a_non_gguf_output_and_a_timeout_are_clear_errors()
    {
        var ct = TestContext.Current.CancellationToken;
        var data = DataFile();
        var output = Path.Combine(Path.GetDirectoryName(data)!, "bad.gguf");
        var job = new TrainingJob(SharedModels.Stories260K, data, output);

        var failing = new ExternalCommandTrainer(new ExternalTrainerOptions { FileName = "bash", Arguments = ["-c", "echo out of memory >&2; exit 3", "{out}"] });
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => failing.TrainAsync(job, cancellationToken: ct));
        Assert.Contains("exited with code 3: out of memory", error.Message, StringComparison.Ordinal);

        var garbage = new ExternalCommandTrainer(new ExternalTrainerOptions { FileName = "bash", Arguments = ["-c", "echo not a model > \"$0\"", "{out}"] });
        await Assert.ThrowsAsync<GgufFormatException>(() => garbage.TrainAsync(job, cancellationToken: ct));

        var slow = new ExternalCommandTrainer(new ExternalTrainerOptions { FileName = "bash", Arguments = ["-c", "sleep 30", "{out}"], Timeout = TimeSpan.FromMilliseconds(300) });
        await Assert.ThrowsAsync<TimeoutException>(() => slow.TrainAsync(job, cancellationToken: ct));

        Assert.Contains("unknown placeholder '{model}'", Assert.Throws<ArgumentException>(() =>
            new ExternalCommandTrainer(new ExternalTrainerOptions { FileName = "x", Arguments = ["{model}", "{out}"] })).Message, StringComparison.Ordinal);
    }

    private sealed class Callback(Action<string> action) : IProgress<string>
    {
        public void Report(string value) => action(value);
    }
}
