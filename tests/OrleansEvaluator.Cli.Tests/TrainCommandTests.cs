namespace OrleansEvaluator.Cli.Tests;

/// <summary><c>oeval train</c> on a real shared model.</summary>
public sealed class TrainCommandTests
{
    [Fact]
    public async Task Several_data_files_train_as_one_set_and_a_missing_one_is_named_before_training()
    {
        var folder = Oeval.Folder("train");
        var first = Path.Combine(folder, "a.jsonl");
        var second = Path.Combine(folder, "b.jsonl");
        File.WriteAllLines(first, Enumerable.Range(0, 24).Select(i => $$"""{"id":"a{{i}}","prompt":"Once upon a time","target":"there was a cat.","answer_only_loss":true}"""));
        File.WriteAllLines(second, Enumerable.Range(0, 24).Select(i => $$"""{"id":"b{{i}}","prompt":"The dog","target":"ran home.","answer_only_loss":true}"""));
        var output = Path.Combine(folder, "out.gguf");
        string[] common = ["--base", SharedModels.Stories260K, "--epochs", "1", "--context", "16", "--validation", "0", "--threads", "2", "--out", output];

        var (exit, _, error) = await Oeval.RunAsync(["train", "--data", first, .. common]);
        Assert.True(exit == 0, error);
        var oneFile = File.ReadAllBytes(output);
        (exit, var printed, error) = await Oeval.RunAsync(["train", "--data", first, "--data", second, .. common]);
        Assert.True(exit == 0, error);
        // Every optimizer step is reported, then the file written.
        var last = Oeval.LastLine(printed);
        Assert.StartsWith($"wrote {output}: 1 epochs, ", last, StringComparison.Ordinal);
        var steps = int.Parse(last[(last.LastIndexOf(", ", StringComparison.Ordinal) + 2)..^" steps".Length], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(steps > 0, last);
        Assert.Equal(steps, printed.Split('\n').Count(l => l.StartsWith("epoch 1 step ", StringComparison.Ordinal)));
        // The second file's examples changed the weights: both were trained on.
        Assert.NotEqual(oneFile, File.ReadAllBytes(output));

        File.Delete(output);
        (exit, _, error) = await Oeval.RunAsync(["train", "--data", first, "--data", Path.Combine(folder, "missing.jsonl"), .. common]);
        Assert.Equal(2, exit);
        Assert.Contains("missing.jsonl", error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }
}
