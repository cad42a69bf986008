namespace OrleansEvaluator.Cli.Tests;

/// <summary>The demo's own options, checked before its seed trains (the whole demo runs in the Grains process tests).</summary>
public sealed class DemoCommandTests
{
    [Fact]
    public async Task A_bad_option_is_named_before_the_seed_trains()
    {
        var folder = Oeval.Folder("demo-options");

        foreach (var (option, value, message) in new[]
                 {
                     ("--pairs", "0", "--pairs: must be in [1, 64] (got 0)"), ("--samples", "300", "--samples: must be in [1, 256] (got 300)"),
                     ("--iterations", "0", "--iterations: must be in [1, 100] (got 0)"), ("--threads", "0", "--threads: must be at least 1 (got 0)"),
                     ("--max-number", "3", "--max-number: must be in [4, 99] (got 3)"), ("--after-responses", "-1", "--after-responses: must be in [0, 1] (got -1)"),
                     ("--exercises", "-5", "--exercises: must be in [0, 1000000] (got -5)"), ("--epochs", "0", "--epochs: must be at least 1 (got 0)"),
                     ("--width", "1056", "--width: must be a multiple of 32 from 32 to 1024 (got 1056)"), ("--layers", "17", "--layers: must be in [1, 16] (got 17)"),
                 })
        {
            var (exit, _, error) = await Oeval.RunAsync("demo", "--state", folder, option, value);
            Assert.Equal(2, exit);
            Assert.Contains(message, error, StringComparison.Ordinal);
            Assert.DoesNotContain("synthesis.", error, StringComparison.Ordinal);
            Assert.DoesNotContain("training.", error, StringComparison.Ordinal);
        }
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
    }
}
