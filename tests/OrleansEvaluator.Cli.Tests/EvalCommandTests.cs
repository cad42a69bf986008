using System.Globalization;
using System.Text.Json;
using OrleansEvaluator.Cli.Commands;
using OrleansEvaluator.Core.Formats;
using OrleansEvaluator.Core.Metrics;
using OrleansEvaluator.Data;
using OrleansEvaluator.Runs;

namespace OrleansEvaluator.Cli.Tests;

/// <summary><c>oeval eval</c> on a small benchmark and the real stories260K model.</summary>
public sealed class EvalCommandTests
{
    private static readonly string[] s_items = ["b0", "b1", "b2"];

    [Fact]
    public async Task Greedy_eval_judges_every_item_in_both_orders_and_scores_the_rows_mean()
    {
        var folder = Oeval.Folder("greedy");
        var bench = Oeval.WriteBenchmark(folder);
        var rowsFile = Path.Combine(folder, "rows.jsonl");

        var (exit, output, error) = await Oeval.RunAsync("eval", "--judge", SharedModels.Stories260K, "--benchmark", bench,
            "--max-tokens", "16", "--threads", "2", "--out", rowsFile, "--json");

        Assert.True(exit == 0, error);
        var score = Assert.Single(JsonSerializer.Deserialize<BenchmarkScore[]>(output, CliJson.Options)!);
        var read = JsonlFile.Read<EvaluationResult>(rowsFile, MalformedLinePolicy.Fail);
        var rows = read.Records;
        Assert.Equal(3 * 2, rows.Count); // the tie is skipped; each item in both orders, one greedy vote
        Assert.Equal(s_items, rows.Select(r => r.ItemId).Distinct());
        Assert.All(rows.GroupBy(r => r.ItemId), g => Assert.Equal([PresentationOrder.ChosenFirst, PresentationOrder.ChosenSecond], g.Select(r => r.Order)));
        Assert.Equal(("bench", 3, rowsFile), (score.Benchmark, score.Items, score.ResultsArtifact));
        Assert.Equal(rows.Average(r => r.Score), score.Accuracy!.Value, 12);
        Assert.Equal(rows.Count(r => r.Verdict is null), score.ParseFailures);
        Assert.Equal(rows.Count(r => r.Verdict == Verdict.A), score.VerdictsA);
        Assert.NotNull(score.FlipRate);
        Assert.Equal(["s1", "s2"], score.Subsets.Keys.Order());

        // The rows round-trip: rewritten, they are the same bytes, and they score as printed.
        using var again = new StringWriter();
        JsonlFile.Write(again, rows);
        Assert.Equal(await File.ReadAllTextAsync(rowsFile, TestContext.Current.CancellationToken), again.ToString());
        var rescored = BenchmarkScorer.Score("bench", 3, rows, rowsFile);
        Assert.Equal((score.Accuracy, score.ConsistentAccuracy, score.FlipRate, score.VerdictsB),
            (rescored.Accuracy, rescored.ConsistentAccuracy, rescored.FlipRate, rescored.VerdictsB));
    }

    [Fact]
    public async Task Votes_are_forked_per_item_and_order_and_scored_by_their_majority()
    {
        var folder = Oeval.Folder("votes");
        var bench = Oeval.WriteBenchmark(folder);
        var rowsFile = Path.Combine(folder, "rows.jsonl");

        var (exit, output, error) = await Oeval.RunAsync("eval", "--judge", SharedModels.Stories260K, "--benchmark", bench,
            "--votes", "2", "--max-tokens", "12", "--threads", "2", "--out", rowsFile);

        Assert.True(exit == 0, error);
        var rows = JsonlFile.Read<EvaluationResult>(rowsFile, MalformedLinePolicy.Fail).Records;
        Assert.Equal(3 * 2 * 2, rows.Count);
        Assert.All(rows.GroupBy(r => (r.ItemId, r.Order)), g => Assert.Equal([0, 1], g.Select(r => r.SampleIndex)));
        Assert.Contains("bench: 3 items (1 ties skipped), 12 judgments (2 orders × 2 votes)", output, StringComparison.Ordinal);
        var expected = BenchmarkScorer.ScoreMajority("bench", 3, rows, rowsFile);
        Assert.Equal(EvalCommand.Summary([expected]), Oeval.LastLine(output));
        Assert.StartsWith("eval: accuracy ", Oeval.LastLine(output), StringComparison.Ordinal);
        Assert.EndsWith("% (3 items)", Oeval.LastLine(output), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Items_longer_than_the_context_count_as_unparseable_with_the_reason_kept()
    {
        var folder = Oeval.Folder("refused");
        var bench = Oeval.WriteBenchmark(folder);
        var rowsFile = Path.Combine(folder, "rows.jsonl");

        var (exit, output, error) = await Oeval.RunAsync("eval", "--judge", SharedModels.Stories260K, "--benchmark", bench,
            "--context", "256", "--max-tokens", "16", "--threads", "2", "--out", rowsFile);

        Assert.True(exit == 0, error);
        var rows = JsonlFile.Read<EvaluationResult>(rowsFile, MalformedLinePolicy.Fail).Records;
        Assert.Equal(6, rows.Count);
        Assert.All(rows, r => Assert.StartsWith("(not judged: MaxTokens/Samples", r.RawText, StringComparison.Ordinal));
        Assert.Contains("not judged (scored as parse failures): 6 × longer than the context", output, StringComparison.Ordinal);
        Assert.Equal("eval: accuracy 50.0% (3 items)", Oeval.LastLine(output));
    }

    [Fact]
    public async Task Several_benchmarks_end_with_their_mean_and_each_one()
    {
        var scores = new[]
        {
            new BenchmarkScore("a", 2, 0.75, null, null, 0, 1, 1, ""), new BenchmarkScore("b", 3, 0.25, null, null, 0, 1, 1, ""),
            new BenchmarkScore("empty", 0, null, null, null, 0, 0, 0, ""),
        };

        Assert.Equal("eval: accuracy 50.0% (5 items; a 75.0%, b 25.0%, empty n/a)", EvalCommand.Summary(scores));
        await Task.CompletedTask;
    }

    public static TheoryData<string[], string> UserErrors => new()
    {
        { ["--benchmark", "missing.jsonl"], "--benchmark: no such file: " },
        { ["--votes", "0"], "--votes: must be in [1, 256] (got 0)" },
        { ["--votes", "3", "--temperature", "0"], "--votes: 3 votes at --temperature 0" },
        { ["--max-tokens", "4"], "--max-tokens: must exceed 6" },
        { ["--one-order", "--both-orders"], "--both-orders and --one-order" },
        { ["--max-items", "-1"], "--max-items: must not be negative" },
        { ["--prompt-template", "nope.txt"], "--prompt-template: no such file: " },
        { ["--judge", "nope.gguf"], "--judge: no such file: " },
        { ["--prompts", "bogus"], "--prompts: 'bogus' is not a prompt set; use default or tinyworld" },
    };

    [Theory]
    [MemberData(nameof(UserErrors))]
    public async Task A_user_error_is_one_line_naming_the_option_and_exit_code_2(string[] args, string message)
    {
        var folder = Oeval.Folder("errors");
        var bench = Oeval.WriteBenchmark(folder);
        string[] defaults = ["--judge", SharedModels.Stories260K, "--benchmark", bench];
        // An argument given by the case replaces the default of the same option.
        var given = args.Where(a => a.StartsWith("--", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        var all = defaults.Chunk(2).Where(p => !given.Contains(p[0])).SelectMany(p => p).Concat(args).Select(a => a == "missing.jsonl" || a.StartsWith("nope", StringComparison.Ordinal) ? Path.Combine(folder, a) : a);

        var (exit, output, error) = await Oeval.RunAsync(["eval", .. all]);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        var line = Assert.Single(error.TrimEnd().Split('\n'));
        Assert.StartsWith("error: " + message, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_benchmark_line_is_named_by_file_and_line()
    {
        var folder = Oeval.Folder("malformed");
        var bench = Oeval.WriteBenchmark(folder);
        await File.AppendAllTextAsync(bench, """{"id": "b9", "prompt": "x", "chosen": 3, "rejected": "y"}""" + "\n", TestContext.Current.CancellationToken);

        var (exit, _, error) = await Oeval.RunAsync("eval", "--judge", SharedModels.Stories260K, "--benchmark", bench);

        Assert.Equal(2, exit);
        Assert.StartsWith(string.Create(CultureInfo.InvariantCulture, $"error: {bench}:5: "), error, StringComparison.Ordinal);
    }
}
