using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OrleansEvaluator.Core.TinyWorld;
using OrleansEvaluator.Data;
using OrleansEvaluator.Generation;

namespace OrleansEvaluator.Training.TinyWorld;

/// <summary>
/// Makes the TinyWorld seed M0 from nothing: a one-token-per-word vocabulary for the world, a llama model of the
/// configured shape with a seeded init, and language-model training (every token a target) on answering and
/// modification examples rendered exactly as the loop will prompt (the compact templates, raw chat format). Never
/// on judgments. The result is cached by a hash of everything that shapes it.
/// </summary>
public static class TinyWorldSeed
{
    /// <summary>Bumped when the recipe changes in a way the options do not show.</summary>
    private const string Recipe = "tinyworld-seed/3";

    /// <summary>
    /// The cache key: recipe, options, the templates the seed trains on, and the vocabulary (which every template's
    /// words shape; the judge template changes the seed only through new words).
    /// </summary>
    public static string CacheKey(TinyWorldSeedOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var vocabulary = new TinyWorldVocabulary(new TinyWorldRules(options.World), TinyWorldTemplates.All);
        var text = string.Join("\n", Recipe, JsonSerializer.Serialize(options with { Threads = 0 }),
            string.Join(",", new[] { TinyWorldTemplates.Answer.Template, TinyWorldTemplates.Modify.Template }.Select(t => t.Id + "@" + t.Fingerprint)),
            string.Join(" ", vocabulary.Words));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }

    /// <summary>The seed's path in <paramref name="cacheFolder"/>, training it first when it is not there.</summary>
    /// <returns>The path, and the training result when it was trained now (null when it came from the cache).</returns>
    public static (string Path, SftRunResult? Trained) Bootstrap(TinyWorldSeedOptions options, string cacheFolder,
        IProgress<SftProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(cacheFolder);
        if (options.Validate() is [var problem, ..])
            throw new ArgumentException("TinyWorld seed: " + problem);
        var path = Path.Combine(cacheFolder, $"tinyworld-seed-{CacheKey(options)}.gguf");
        if (File.Exists(path))
            return (path, null);
        Directory.CreateDirectory(cacheFolder);

        var world = new TinyWorldGenerator(options.World);
        var vocabulary = new TinyWorldVocabulary(world.Rules, TinyWorldTemplates.All);
        var scratch = path + ".base.tmp";
        try
        {
            var model = LlamaModelFactory.Create(options.Shape, SpmVocabulary.Create(vocabulary.Words), options.World.Seed, "tinyworld-seed");
            // The seed reads raw text (its examples are rendered by RawPrompt); saying so in the file keeps every silo
            // from wrapping its prompts in the engine's fallback chat template, and judges trained from it inherit the key.
            model.Set(RawPrompt.FormatKey, RawPrompt.TemplateName);
            model.Write(scratch);
            var examples = Examples(world);
            var run = SftTrainingRun.Run(scratch, examples, [], new SftRunOptions
            {
                Trainer = new TrainerOptions
                {
                    ContextLength = options.Shape.ContextLength, LearningRate = options.LearningRate, WarmupSteps = options.WarmupSteps,
                    Threads = options.Threads,
                },
                Epochs = options.Epochs, ValidationFraction = 0.01, Seed = options.World.Seed,
            }, progress, cancellationToken: cancellationToken);
            var temp = path + ".tmp";
            run.Model.Write(temp);
            File.Move(temp, path, overwrite: true);
            return (path, run);
        }
        finally
        {
            File.Delete(scratch);
        }
    }

    /// <summary>
    /// The seed's training rows: the prompt as the loop renders it and the target. Answering examples count every token,
    /// those asked after responses included (so the seed reads the judge prompt's layout, a label after each response);
    /// documents (<see cref="TinyWorldOptions.DocumentFraction"/>) and modification examples count their target alone.
    /// Trained on whole documents the seed went on after an answer with the next question (<c>apple question: repeat shoe
    /// …</c>); trained on whole modification prompts it went on with <c>modify:</c>, and as a judge, whose verdict grammar
    /// forbids the end token after its answer, it wrote <c>2 modify: 0</c> between its answer and its verdict, which the
    /// loop kept as the reasoning to train on. Without them (and with answers asked after responses) it writes
    /// <c>6 [[B]]</c>.
    /// </summary>
    public static IReadOnlyList<SftExample> Examples(TinyWorldGenerator world)
    {
        ArgumentNullException.ThrowIfNull(world);
        return world.AnsweringExamples(TinyWorldTemplates.Answer)
            .Concat(world.ModificationExamples(TinyWorldTemplates.Modify))
            .Select(e => Row(e, answerOnlyLoss: e.QuestionsBefore > 0 || e.Kind != TinyExampleKind.Answer))
            .ToArray();
    }

    /// <summary>An example as a training row: the prompt rendered as the engine renders it for TinyWorld (raw), the target.</summary>
    public static SftExample Row(TinyWorldExample example, bool answerOnlyLoss)
    {
        ArgumentNullException.ThrowIfNull(example);
        return new SftExample(example.Id, RawPrompt.Render(example.Prompt), example.Target, answerOnlyLoss);
    }
}
