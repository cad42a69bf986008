using OrleansEvaluator.Inference.Gguf;

namespace OrleansEvaluator.Cli.Tests;

/// <summary><c>oeval seed tinyworld</c>: a real seed trained from nothing by the real trainer, then reused.</summary>
public sealed class SeedCommandTests
{
    [Fact]
    public async Task A_small_seed_is_trained_then_reused_and_answers_through_the_engine()
    {
        var folder = Oeval.Folder("seed");
        string[] args = ["seed", "tinyworld", "--out", folder, "--answering", "600", "--modifications", "200", "--documents", "0.5", "--threads", "2"];

        var (exit, output, error) = await Oeval.RunAsync(args);

        Assert.True(exit == 0, error);
        var line = Oeval.LastLine(output);
        Assert.StartsWith("seed: trained in ", line, StringComparison.Ordinal);
        var path = line[(line.IndexOf("-> ", StringComparison.Ordinal) + 3)..];
        Assert.Equal(folder, Path.GetDirectoryName(path));
        Assert.Matches("^tinyworld-seed-[0-9a-f]{16}\\.gguf$", Path.GetFileName(path));
        Assert.Contains("seed: step ", output, StringComparison.Ordinal);

        (exit, output, error) = await Oeval.RunAsync(args);
        Assert.True(exit == 0, error);
        Assert.Equal($"seed: reused {path}", Oeval.LastLine(output));
        // Other seed data is another seed.
        (exit, output, error) = await Oeval.RunAsync([.. args[..^2], "--threads", "2", "--epochs", "2"]);
        Assert.True(exit == 0, error);
        Assert.NotEqual(path, Oeval.LastLine(output)[(Oeval.LastLine(output).IndexOf("-> ", StringComparison.Ordinal) + 3)..]);
        // So is another size, with the heads and feed-forward width the width gives.
        (exit, output, error) = await Oeval.RunAsync([.. args, "--width", "64", "--layers", "1"]);
        Assert.True(exit == 0, error);
        var narrow = GgufDocument.Read(Oeval.LastLine(output)[(Oeval.LastLine(output).IndexOf("-> ", StringComparison.Ordinal) + 3)..]);
        Assert.Equal((64u, 1u, 2u, 192u), ((uint)narrow.Get("llama.embedding_length")!, (uint)narrow.Get("llama.block_count")!,
            (uint)narrow.Get("llama.attention.head_count")!, (uint)narrow.Get("llama.feed_forward_length")!));

        // The file is a model the engine runs, in the world's own vocabulary.
        (exit, output, error) = await Oeval.RunAsync("generate", "--model", path, "--prompt", "question: after 3 answer:", "--max-tokens", "2");
        Assert.True(exit == 0, error);
        Assert.Contains("--- sample 0", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_option_is_named_before_anything_is_trained()
    {
        var folder = Oeval.Folder("seed-options");

        foreach (var (option, value, message) in new[]
                 {
                     ("--documents", "2", "--documents: must be in [0, 1] (got 2)"), ("--answering", "-1", "--answering: must not be negative (got -1)"),
                     ("--epochs", "0", "--epochs: must be at least 1 (got 0)"), ("--threads", "0", "--threads: must be at least 1 (got 0)"),
                     ("--width", "48", "--width: must be a multiple of 32 from 32 to 1024 (got 48)"), ("--layers", "0", "--layers: must be in [1, 16] (got 0)"),
                 })
        {
            var (exit, _, error) = await Oeval.RunAsync("seed", "tinyworld", "--out", folder, option, value);
            Assert.Equal(2, exit);
            Assert.Contains(message, error, StringComparison.Ordinal);
        }
        var (code, _, text) = await Oeval.RunAsync("seed", "tinyworld", "--out", folder, "--answering", "0", "--modifications", "0");
        Assert.Equal(2, code);
        Assert.Contains("the seed needs at least one example", text, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
    }
}
