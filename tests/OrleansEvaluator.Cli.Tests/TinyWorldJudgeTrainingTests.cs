using System.Globalization;
using System.Text.RegularExpressions;
using OrleansEvaluator.Cli.Commands;
using OrleansEvaluator.Core.Formats;
using OrleansEvaluator.Core.Import;
using OrleansEvaluator.Data;

namespace OrleansEvaluator.Cli.Tests;

/// <summary>
/// Judge fine-tuning on TinyWorld, through the commands a user runs: a seed made from nothing, fine-tuned on
/// ground-truth judgments (no self-taught labels) beside stated-answer and close-number exercises, then scored on the
/// held-out benchmark in both orders.
/// </summary>
public sealed partial class TinyWorldJudgeTrainingTests
{
    [Fact]
    [Trait("Category", "Slow")]
    public async Task A_seed_fine_tuned_on_ground_truth_judgments_copies_its_own_answer_into_the_verdict_on_held_out_pairs()
    {
        var folder = Oeval.Folder("judge-training");
        var data = Path.Combine(folder, "data");

        // The README's recipe on the default world: the seed, then 6k judgments beside 12k stated-answer twins and 6k
        // close-number exercises, 3 epochs with 30% of the seed's own rows replayed.
        var (exit, output, error) = await Oeval.RunAsync("seed", "tinyworld", "--out", Path.Combine(folder, "seeds"));
        Assert.True(exit == 0, error);
        var trained = SeedPath().Match(Oeval.LastLine(output));
        Assert.True(trained.Success, output);
        var seed = trained.Groups[1].Value;

        (exit, _, error) = await Oeval.RunAsync("data", "tinyworld", "--out", data, "--judgments", "6000", "--lookups", "12000", "--near-numbers", "6000");
        Assert.True(exit == 0, error);

        var judge = Path.Combine(folder, "judge.gguf");
        (exit, output, error) = await Oeval.RunAsync("train", "--base", seed,
            "--data", Path.Combine(data, TinyWorldFiles.JudgmentRows), "--data", Path.Combine(data, TinyWorldFiles.LookupRows),
            "--data", Path.Combine(data, TinyWorldFiles.NearNumberRows),
            "--replay", Path.Combine(data, TinyWorldFiles.SeedRows), "--replay-fraction", "0.3",
            "--epochs", "3", "--lr", "3e-3", "--context", "128", "--accumulation", "8", "--warmup", "20", "--validation", "0.02",
            "--seed", "0", "--out", judge);
        Assert.True(exit == 0, error + output);

        var benchmark = Path.Combine(data, TinyWorldFiles.BenchmarkName + ".jsonl");
        var rowsFile = Path.Combine(folder, "rows.jsonl");
        (exit, output, error) = await Oeval.RunAsync("eval", "--judge", judge, "--benchmark", benchmark,
            "--prompts", "tinyworld", "--max-tokens", "18", "--out", rowsFile);
        Assert.True(exit == 0, error);
        var match = Accuracy().Match(Oeval.LastLine(output));
        Assert.True(match.Success, output);
        var accuracy = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);

        // The skill judge training has to add: a verdict naming the response equal to the judge's own (right) answer.
        // An untrained seed follows it about half the time; the recipe's three draws here, 97-98%.
        var items = PairwiseReader.Read(benchmark, MalformedLinePolicy.Fail).Items.ToDictionary(i => i.Id);
        var rows = JsonlFile.Read<EvaluationResult>(rowsFile, MalformedLinePolicy.Fail).Records;
        var (follows, statedRight) = (0, 0);
        foreach (var row in rows)
        {
            var item = items[row.ItemId];
            var stated = row.RawText.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            if (stated != item.Chosen)
                continue;
            statedRight++;
            follows += row.Verdict == (row.Order == PresentationOrder.ChosenFirst ? Verdict.A : Verdict.B) ? 1 : 0;
        }
        Assert.True(statedRight >= 0.8 * rows.Count, $"the judge stated the right answer in only {statedRight} of {rows.Count} judgments:\n{output}");
        Assert.True(follows >= 0.9 * statedRight, $"the verdict followed a right stated answer in {follows} of {statedRight}:\n{output}");
        // The trainer-sanity target: at least 90% held-out in both orders (96.3, 95.3 and 92.1% over shuffle seeds 0-2 here).
        Assert.True(accuracy >= 90, $"held-out accuracy {accuracy}% (both orders), below 90%:\n{output}");
        Directory.Delete(folder, recursive: true);
    }

    [GeneratedRegex(@"^seed: (?:trained in .+ -> |reused )(.+)$")]
    private static partial Regex SeedPath();

    [GeneratedRegex(@"^eval: accuracy ([0-9.]+)%")]
    private static partial Regex Accuracy();
}
