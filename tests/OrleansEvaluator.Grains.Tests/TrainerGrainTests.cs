using System.Text.Json;
using OrleansEvaluator.Inference.Gguf;
using OrleansEvaluator.Training;

namespace OrleansEvaluator.Grains.Tests;

[Collection(RoleClusterCollection.Name)]
public sealed class TrainerGrainTests(RoleClusterFixture fixture)
{
    [Fact]
    public async Task A_training_job_runs_on_the_trainer_silo_and_writes_a_model()
    {
        var dir = Directory.CreateTempSubdirectory("oeval-grain-train-").FullName;
        var data = Path.Combine(dir, "sft.jsonl");
        await File.WriteAllLinesAsync(data, Enumerable.Range(0, 20).Select(i => JsonSerializer.Serialize(new
        {
            id = $"e{i}", prompt = $"Tom has {i % 4} dogs. How many? ", target = $"{i % 4}.", answer_only_loss = true,
        })), TestContext.Current.CancellationToken);
        var output = Path.Combine(dir, "trained.gguf");

        var grain = fixture.Cluster.Client.GetGrain<ITrainerGrain>("run-1");
        var location = await grain.LocateAsync();
        Assert.Equal([SiloRoles.Trainer], location.Roles);

        var outcome = await grain.TrainAsync(new TrainingJob(SharedModels.Stories260K, data, output) { Epochs = 1, Seed = 1 });
        Assert.True(outcome.Steps > 0);
        Assert.Equal(48, GgufHeader.Read(outcome.ModelPath).Tensors.Count);
    }

    [Fact]
    public async Task A_bad_job_fails_with_the_field_named()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => fixture.Cluster.Client.GetGrain<ITrainerGrain>("run-2")
            .TrainAsync(new TrainingJob("/nonexistent.gguf", "/nonexistent.jsonl", "/tmp/x.gguf")));
        Assert.Contains("BaseModelPath", error.Message, StringComparison.Ordinal);
    }
}
