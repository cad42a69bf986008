using OrleansEvaluator.Data;
using OrleansEvaluator.Generation;
using OrleansEvaluator.Inference.Configuration;
using OrleansEvaluator.Inference.Llama;

namespace OrleansEvaluator.Training.Tests;

/// <summary>The trainer teaches a real model a judgment format and a rule, checked by reloading its GGUF for inference.</summary>
public sealed class SftLearningTests
{
    private static readonly string[] s_colors = ["red", "blue", "green", "yellow", "pink", "brown", "black", "white"];
    private static readonly string[] s_animals = ["dog", "cat", "bird", "fish", "cow", "pig", "duck", "frog"];

    private static (string Prompt, string Verdict) Item(string color, string animal, bool colorFirst)
    {
        var (a, b) = colorFirst ? (color, animal) : (animal, color);
        return ($"Which one is a color? A: {a} B: {b}. Answer: ", colorFirst ? "[[A]]" : "[[B]]");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Full_fine_tuning_on_judgment_lines_reaches_95_percent_on_fresh_pairs_after_reloading_the_gguf()
    {
        var ct = TestContext.Current.CancellationToken;
        var pairs = s_colors.SelectMany(c => s_animals.Select(a => (c, a))).ToArray();
        new Random(11).Shuffle(pairs);
        var heldOut = pairs[..16];
        var seen = pairs[16..];
        var random = new Random(5);
        var train = Enumerable.Range(0, 300).Select(i =>
        {
            var (c, a) = seen[random.Next(seen.Length)];
            var (prompt, verdict) = Item(c, a, random.Next(2) == 0);
            return new SftExample($"t{i}", prompt, verdict, AnswerOnlyLoss: true);
        }).ToArray();

        var progress = new List<SftProgress>();
        var result = SftTrainingRun.Run(SharedModels.Stories260K, train, [], new SftRunOptions
        {
            Trainer = new TrainerOptions { ContextLength = 64, LearningRate = 1e-3f, WarmupSteps = 10, Threads = 2 },
            Epochs = 6, ValidationFraction = 0.1, Seed = 3,
        }, new Progress<SftProgress>(progress.Add), cancellationToken: ct);
        Assert.True(result.ValidationLoss[^1] < result.ValidationLoss[0], string.Join(", ", result.ValidationLoss));

        var path = Path.Combine(Directory.CreateTempSubdirectory("oeval-sft-").FullName, "judge.gguf");
        result.Model.Write(path);
        await using var engine = LlamaEngine.Create(new LlamaEngineOptions { ContextSize = 2048, MaxSequences = 64, Threads = 2 });
        await engine.LoadAsync("judge", path, ct);
        var tests = heldOut.SelectMany(p => new[] { Item(p.c, p.a, true), Item(p.c, p.a, false) }).ToArray();
        var answers = await Task.WhenAll(tests.Select(t => engine.GenerateAsync(new GenerationRequest
        {
            Model = "judge", Prompt = t.Prompt, MaxTokens = 8, Grammar = "root ::= \"[[\" (\"A\" | \"B\") \"]]\"",
        }, ct)));
        var correct = tests.Zip(answers).Count(x => x.Second.Text == x.First.Verdict);
        Assert.True(correct >= 0.95 * tests.Length, $"{correct} of {tests.Length} fresh items right");
    }
}
