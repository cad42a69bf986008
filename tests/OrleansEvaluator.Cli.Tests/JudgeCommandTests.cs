using System.Text.Json;
using System.Text.RegularExpressions;
using OrleansEvaluator.Cli.Commands;

namespace OrleansEvaluator.Cli.Tests;

/// <summary><c>oeval judge</c> on the real stories260K model.</summary>
public sealed partial class JudgeCommandTests
{
    [GeneratedRegex(@"^--- sample (\d) \(\w+, \d+ tokens\): (A|B|no verdict \(\w+\))$", RegexOptions.Multiline)]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"^verdict: (A|B) \(([123]) of 3\)$|^verdict: no verdict \(A \d, B \d, none \d of 3\)$")]
    private static partial Regex VerdictLine();

    [Fact]
    public async Task Prints_every_vote_then_the_majority_verdict()
    {
        var folder = Oeval.Folder("judge");
        var answerB = Path.Combine(folder, "b.txt");
        await File.WriteAllTextAsync(answerB, "The sun is hot.", TestContext.Current.CancellationToken);

        var (exit, output, error) = await Oeval.RunAsync("judge", "--judge", SharedModels.Stories260K, "--instruction", "Tell a story about a cat.",
            "--a", "Once upon a time there was a cat.", "--b-file", answerB, "--votes", "3", "--max-tokens", "16", "--threads", "2");

        Assert.True(exit == 0, error);
        var samples = SampleLine().Matches(output);
        Assert.Equal(["0", "1", "2"], samples.Select(m => m.Groups[1].Value));
        var last = Oeval.LastLine(output);
        Assert.Matches(VerdictLine(), last);
        var winners = samples.Select(m => m.Groups[2].Value).ToArray();
        if (VerdictLine().Match(last) is { Groups: [_, { Success: true } letter, var count, ..] })
            Assert.Equal(winners.Count(w => w == letter.Value).ToString(System.Globalization.CultureInfo.InvariantCulture), count.Value);
    }

    [Fact]
    public async Task Json_holds_the_samples_and_the_verdict()
    {
        var (exit, output, error) = await Oeval.RunAsync("judge", "--judge", SharedModels.Stories260K, "--instruction", "Tell a story.",
            "--a", "Once upon a time.", "--b", "Lily ran.", "--max-tokens", "16", "--threads", "2", "--json");

        Assert.True(exit == 0, error);
        var result = JsonSerializer.Deserialize<JudgeOutput>(output, CliJson.Options)!;
        var sample = Assert.Single(result.Samples);
        Assert.Equal(sample.Verdict, result.Verdict); // one greedy vote is its own majority
        Assert.Equal("judge-pair@" , result.Prompt[..11]);
    }

    [Theory]
    [InlineData("--b", "--a: give it or --a-file (exactly one).")]
    [InlineData("--a-file", "--a: give it or --a-file (exactly one).")]
    public async Task Each_text_needs_exactly_one_source(string extra, string message)
    {
        string[] args = extra == "--b"
            ? ["judge", "--judge", SharedModels.Stories260K, "--instruction", "x", "--b", "y"]
            : ["judge", "--judge", SharedModels.Stories260K, "--instruction", "x", "--a", "z", "--a-file", "f.txt", "--b", "y"];

        var (exit, _, error) = await Oeval.RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Equal("error: " + message, error.TrimEnd());
    }
}
