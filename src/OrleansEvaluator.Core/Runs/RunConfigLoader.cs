using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansEvaluator.Core.Runs;

/// <summary>
/// Reads and validates a run config. Unknown fields are errors (a typo must not silently fall back to a default);
/// every problem is reported at once, each naming its field the way the file spells it.
/// </summary>
public static class RunConfigLoader
{
    private static readonly JsonSerializerOptions s_options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>The most stated-answer exercises an iteration may add (they are built in the coordinator's memory).</summary>
    public const int MaxExercises = 1_000_000;

    /// <summary>The file extensions <see cref="Load"/> knows; any other is read as JSON.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".json", ".yaml", ".yml"];

    /// <summary>
    /// Loads and validates a file, JSON or YAML by its extension (<c>.json</c>, <c>.yaml</c>, <c>.yml</c>; any other is
    /// tried as JSON); relative paths in it are taken from the file's folder.
    /// </summary>
    /// <exception cref="RunConfigException">The file is not valid JSON or YAML, has unknown or missing fields, or invalid values.</exception>
    public static RunConfig Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
            throw new FileNotFoundException($"Run config not found: {Path.GetFullPath(path)}", path);
        var text = File.ReadAllText(path);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        RunConfig config;
        if (extension is ".yaml" or ".yml")
            config = ParseYaml(text, path);
        else if (extension is ".json")
            config = Parse(text, path);
        else
        {
            try
            {
                config = Parse(text, path);
            }
            catch (RunConfigException e)
            {
                var named = extension.Length == 0 ? "has no extension" : $"has the extension '{extension}'";
                throw new RunConfigException(path,
                    [.. e.Problems, $"read as JSON because the file {named}; name it {string.Join(", ", Extensions)} to choose the format."]);
            }
        }
        var errors = Validate(config, Path.GetDirectoryName(Path.GetFullPath(path))!);
        return errors.Count == 0 ? config : throw new RunConfigException(path, errors);
    }

    /// <summary>Parses JSON text; <paramref name="source"/> names it in errors.</summary>
    public static RunConfig Parse(string json, string source) =>
        Deserialize(json, source, "the file holds JSON null", e => e.LineNumber is { } l ? $" (line {l + 1})" : "");

    /// <summary>
    /// Parses YAML text into the same model as <see cref="Parse"/>, with the same field names and checks; errors name
    /// the field and the YAML line and column. <paramref name="source"/> names the text in errors.
    /// </summary>
    public static RunConfig ParseYaml(string yaml, string source)
    {
        var (json, locations) = YamlConfigReader.Read(yaml, source);
        return Deserialize(json, source, "the YAML document is null", e =>
        {
            for (var path = e.Path; !string.IsNullOrEmpty(path); path = Parent(path))
            {
                if (locations.TryGetValue(path, out var mark))
                    return $" ({YamlConfigReader.At(mark)})";
            }
            return "";
        });

        static string? Parent(string path)
        {
            var cut = path.LastIndexOfAny(['.', '[']);
            return cut > 0 ? path[..cut] : null;
        }
    }

    /// <summary>Reads the model from JSON; <paramref name="where"/> locates a serializer error in the file.</summary>
    private static RunConfig Deserialize(string json, string source, string nullProblem, Func<JsonException, string> where)
    {
        try
        {
            return JsonSerializer.Deserialize<RunConfig>(json, s_options) ?? throw new RunConfigException(source, [nullProblem]);
        }
        catch (JsonException e)
        {
            var field = e.Path is { Length: > 1 } p ? p.TrimStart('$', '.') + ": " : "";
            var message = e.Message;
            var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
            throw new RunConfigException(source, [$"{field}{(cut > 0 ? message[..cut] : message)}{where(e)}"]);
        }
    }

    /// <summary>Every problem with a parsed config, each naming its field.</summary>
    public static IReadOnlyList<string> Validate(RunConfig config, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(config);
        var errors = new List<string>();
        void File(string field, string? value)
        {
            if (value is not null && !System.IO.File.Exists(Path.Combine(baseDirectory, value)))
                errors.Add($"{field}: file '{value}' does not exist.");
        }
        if (string.IsNullOrWhiteSpace(config.Name) || config.Name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
            errors.Add($"name: letters, digits, '-', '_' and '.' only (got '{config.Name}').");
        if (config.Iterations is < 1 or > 100)
            errors.Add($"iterations: must be in [1, 100] (got {config.Iterations}).");
        if (config.Shards is < 1 or > 4096)
            errors.Add($"shards: must be in [1, 4096] (got {config.Shards}).");
        File("models.seed", config.Models.Seed);
        File("models.generator", config.Models.Generator);
        File("models.judge", config.Models.Judge);
        File("instructions.path", config.Instructions.Path);
        if (config.Instructions.Policy is not ("skip" or "fail"))
            errors.Add($"instructions.policy: 'skip' or 'fail' (got '{config.Instructions.Policy}').");
        if (config.Instructions.Max < 0)
            errors.Add($"instructions.max: must not be negative (got {config.Instructions.Max}).");
        if (!Prompts.PromptSets.Names.Contains(config.Prompts.Set))
            errors.Add($"prompts.set: one of {string.Join(", ", Prompts.PromptSets.Names)} (got '{config.Prompts.Set}').");
        File("prompts.answer", config.Prompts.Answer);
        File("prompts.modify", config.Prompts.Modify);
        File("prompts.judge", config.Prompts.Judge);
        var sy = config.Synthesis;
        if (float.IsNaN(sy.Temperature) || sy.Temperature is < 0 or > 10)
            errors.Add($"synthesis.temperature: must be in [0, 10] (got {sy.Temperature}).");
        if (sy.ModifyTemperature is { } mt && (float.IsNaN(mt) || mt is < 0 or > 10))
            errors.Add($"synthesis.modify_temperature: must be in [0, 10] (got {mt}).");
        if (sy.PairsPerInstruction is < 1 or > 64)
            errors.Add($"synthesis.pairs_per_instruction: must be in [1, 64] (got {sy.PairsPerInstruction}).");
        else if (sy.PairsPerInstruction > 1 && sy.EffectiveModifyTemperature == 0)
            errors.Add($"synthesis.pairs_per_instruction: {sy.PairsPerInstruction} pairs need sampled modifications; set synthesis.modify_temperature (or temperature) above 0.");
        if (float.IsNaN(sy.TopP) || sy.TopP is <= 0 or > 1)
            errors.Add($"synthesis.top_p: must be in (0, 1] (got {sy.TopP}).");
        if (sy.AnswerMaxTokens < 1)
            errors.Add($"synthesis.answer_max_tokens: must be at least 1 (got {sy.AnswerMaxTokens}).");
        if (sy.ModifyMaxTokens < (sy.Grammar ? 54 : 8))
            errors.Add($"synthesis.modify_max_tokens: must be at least {(sy.Grammar ? 54 : 8)}{(sy.Grammar ? " with the grammar (its markers take up to 48 tokens)" : "")} (got {sy.ModifyMaxTokens}).");
        var j = config.Judging;
        if (j.Samples is < 1 or > 256)
            errors.Add($"judging.samples: must be in [1, 256] (got {j.Samples}).");
        if (float.IsNaN(j.Temperature) || j.Temperature is < 0 or > 10)
            errors.Add($"judging.temperature: must be in [0, 10] (got {j.Temperature}).");
        if (float.IsNaN(j.TopP) || j.TopP is <= 0 or > 1)
            errors.Add($"judging.top_p: must be in (0, 1] (got {j.TopP}).");
        if (j.MaxTokens < 8)
            errors.Add($"judging.max_tokens: must be at least 8 (got {j.MaxTokens}).");
        if (config.Sampling.MajorityThreshold is { } t && (double.IsNaN(t) || t <= 0 || t > 1))
            errors.Add($"sampling.majority_threshold: must be in (0, 1] (got {t}).");
        var tr = config.Training;
        if (tr.Epochs < 1)
            errors.Add($"training.epochs: must be at least 1 (got {tr.Epochs}).");
        if (!(tr.LearningRate > 0))
            errors.Add($"training.learning_rate: must be positive (got {tr.LearningRate}).");
        if (tr.LoraRank < 0)
            errors.Add($"training.lora_rank: must not be negative (got {tr.LoraRank}).");
        if (tr.Context < 16)
            errors.Add($"training.context: must be at least 16 (got {tr.Context}).");
        if (tr.Accumulation is < 1 or > 1024)
            errors.Add($"training.accumulation: must be in [1, 1024] (got {tr.Accumulation}).");
        if (tr.From is not ("seed" or "previous"))
            errors.Add($"training.from: 'seed' or 'previous' (got '{tr.From}').");
        File("training.replay", tr.Replay);
        if (double.IsNaN(tr.ReplayFraction) || tr.ReplayFraction is < 0 or >= 1)
            errors.Add($"training.replay_fraction: must be in [0, 1) (got {tr.ReplayFraction}).");
        if (tr.Exercises is < 0 or > MaxExercises)
            errors.Add($"training.exercises: must be in [0, {MaxExercises}] (got {tr.Exercises}).");
        for (var i = 0; i < config.Benchmarks.Count; i++)
            File($"benchmarks[{i}]", config.Benchmarks[i]);
        var dupes = config.Benchmarks.GroupBy(b => Path.GetFileNameWithoutExtension(b), StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        if (dupes.Length > 0)
            errors.Add($"benchmarks: two files share the name '{dupes[0]}' (benchmarks are named by file name).");
        var ev = config.Evaluation;
        if (ev.Samples is < 1 or > 256)
            errors.Add($"evaluation.samples: must be in [1, 256] (got {ev.Samples}).");
        if (float.IsNaN(ev.Temperature) || ev.Temperature is < 0 or > 10)
            errors.Add($"evaluation.temperature: must be in [0, 10] (got {ev.Temperature}).");
        if (ev.MaxTokens != 0 && ev.MaxTokens < 8)
            errors.Add($"evaluation.max_tokens: 0 (use judging.max_tokens) or at least 8 (got {ev.MaxTokens}).");
        if (ev.MaxItems < 0)
            errors.Add($"evaluation.max_items: must not be negative (got {ev.MaxItems}).");
        return errors;
    }

    /// <summary>The config as JSON in the file layout (snake_case), which <see cref="Parse"/> reads back to an equal config.</summary>
    public static string ToJson(RunConfig config) => JsonSerializer.Serialize(config, s_options);
}
