using System.Globalization;
using OrleansEvaluator.Core.Runs;

namespace OrleansEvaluator.Core.Tests.Runs;

public sealed class RunConfigLoaderTests
{
    private static string Write(string json)
    {
        var dir = Directory.CreateTempSubdirectory("oeval-config-").FullName;
        File.WriteAllText(Path.Combine(dir, "m0.gguf"), "model");
        File.WriteAllText(Path.Combine(dir, "pool.jsonl"), "{}");
        var path = Path.Combine(dir, "run.json");
        File.WriteAllText(path, json);
        return path;
    }

    private const string Valid = """
        {
          // comments are allowed
          "name": "demo-1",
          "seed": 42,
          "iterations": 3,
          "models": { "seed": "m0.gguf" },
          "instructions": { "path": "pool.jsonl", "max": 500 },
          "judging": { "samples": 8, "temperature": 0.7, "top_p": 0.9, "both_orders": true },
          "training": { "epochs": 2, "learning_rate": 0.001, "from": "seed" },
        }
        """;

    [Fact]
    public void A_valid_config_loads_with_defaults_for_what_it_leaves_out()
    {
        var config = RunConfigLoader.Load(Write(Valid));
        Assert.Equal(("demo-1", 42UL, 3), (config.Name, config.Seed, config.Iterations));
        Assert.True(config.Judging.BothOrders);
        Assert.Equal(8, config.Judging.Samples);
        Assert.Equal(512, config.Judging.MaxTokens);
        Assert.True(config.Sampling.Balance);
        Assert.Equal(8, config.Shards);
        Assert.Null(config.Synthesis.ModifyTemperature);
    }

    [Fact]
    public void The_modification_can_sample_at_its_own_temperature()
    {
        var json = Valid.Replace("\"iterations\": 3,", "\"iterations\": 3, \"synthesis\": { \"temperature\": 0, \"modify_temperature\": 0.7 },", StringComparison.Ordinal);
        var config = RunConfigLoader.Load(Write(json));
        Assert.Equal((0f, 0.7f), (config.Synthesis.Temperature, config.Synthesis.ModifyTemperature));

        var error = Assert.Throws<RunConfigException>(() => RunConfigLoader.Load(Write(json.Replace("0.7 }", "11 }", StringComparison.Ordinal))));
        Assert.Equal("synthesis.modify_temperature: must be in [0, 10] (got 11).", Assert.Single(error.Problems));
    }

    [Fact]
    public void Several_pairs_per_instruction_need_sampled_modifications()
    {
        var json = Valid.Replace("\"iterations\": 3,", "\"iterations\": 3, \"synthesis\": { \"temperature\": 0, \"modify_temperature\": 0.7, \"pairs_per_instruction\": 8 },", StringComparison.Ordinal);
        Assert.Equal(8, RunConfigLoader.Load(Write(json)).Synthesis.PairsPerInstruction);

        var error = Assert.Throws<RunConfigException>(() => RunConfigLoader.Load(Write(json.Replace("0.7,", "0,", StringComparison.Ordinal))));
        Assert.Equal("synthesis.pairs_per_instruction: 8 pairs need sampled modifications; set synthesis.modify_temperature (or temperature) above 0.",
            Assert.Single(error.Problems));
        error = Assert.Throws<RunConfigException>(() => RunConfigLoader.Load(Write(json.Replace("\"pairs_per_instruction\": 8", "\"pairs_per_instruction\": 0", StringComparison.Ordinal))));
        Assert.Equal("synthesis.pairs_per_instruction: must be in [1, 64] (got 0).", Assert.Single(error.Problems));
    }

    [Fact]
    public void Per_order_keeping_is_read_from_sampling()
    {
        var json = Valid.Replace("\"iterations\": 3,", "\"iterations\": 3, \"sampling\": { \"per_order\": true },", StringComparison.Ordinal);
        Assert.True(RunConfigLoader.Load(Write(json)).Sampling.PerOrder);
        Assert.False(RunConfigLoader.Load(Write(Valid)).Sampling.PerOrder);
    }

    [Fact]
    public void Training_accumulation_is_read_and_bounded()
    {
        var json = Valid.Replace("\"from\": \"seed\"", "\"from\": \"seed\", \"accumulation\": 8", StringComparison.Ordinal);
        Assert.Equal(8, RunConfigLoader.Load(Write(json)).Training.Accumulation);
        Assert.Equal(1, RunConfigLoader.Load(Write(Valid)).Training.Accumulation);

        var error = Assert.Throws<RunConfigException>(() => RunConfigLoader.Load(Write(json.Replace("\"accumulation\": 8", "\"accumulation\": 0", StringComparison.Ordinal))));
        Assert.Equal("training.accumulation: must be in [1, 1024] (got 0).", Assert.Single(error.Problems));
    }

    [Fact]
    public void Training_replay_is_a_file_beside_the_config_and_its_fraction_is_bounded()
    {
        var json = Valid.Replace("\"from\": \"seed\"", "\"from\": \"seed\", \"replay\": \"m0.gguf\", \"replay_fraction\": 0.25", StringComparison.Ordinal);
        var training = RunConfigLoader.Load(Write(json)).Training;
        Assert.Equal(("m0.gguf", 0.25), (training.Replay, training.ReplayFraction));
        Assert.Null(RunConfigLoader.Load(Write(Valid)).Training.Replay);

        var error = Assert.Throws<RunConfigException>(() => RunConfigLoader.Load(Write(json
            .Replace("\"replay\": \"m0.gguf\"", "\"replay\": \"seed-rows.jsonl\"", StringComparison.Ordinal).Replace("0.25", "1", StringComparison.Ordinal))));
        Assert.Equal(["training.replay: file 'seed-rows.jsonl' does not exist.", "training.replay_fraction: must be in [0, 1) (got 1)."], error.Problems);
    }

    [Fact]
    public void Training_exercises_default_to_none_and_are_bounded()
    {
        Assert.Equal(0, RunConfigLoader.Load(Write(Valid)).Training.Exercises);
        var json = Valid.Replace("\"from\": \"seed\"", "\"from\": \"seed\", \"exercises\": 18000", StringComparison.Ordinal);
        Assert.Equal(18000, RunConfigLoader.Load(Write(json)).Training.Exercises);

        foreach (var bad in new[] { -1, RunConfigLoader.MaxExercises + 1 })
        {
            var error = Assert.Throws<RunConfigException>(() => RunConfigLoader.Load(Write(json.Replace("18000", bad.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))));
            Assert.Equal($"training.exercises: must be in [0, {RunConfigLoader.MaxExercises}] (got {bad}).", Assert.Single(error.Problems));
        }
    }

    [Fact]
    public void Every_invalid_value_is_reported_at_once_by_its_field()
    {
        var json = Valid.Replace("\"samples\": 8", "\"samples\": 0", StringComparison.Ordinal)
            .Replace("\"from\": \"seed\"", "\"from\": \"scratch\"", StringComparison.Ordinal)
            .Replace("\"iterations\": 3", "\"iterations\": 0", StringComparison.Ordinal)
            .Replace("\"seed\": \"m0.gguf\"", "\"seed\": \"missing.gguf\"", StringComparison.Ordinal)
            .Replace("\"top_p\": 0.9", "\"top_p\": 1.5", StringComparison.Ordinal);
        var error = Assert.Throws<RunConfigException>(() => RunConfigLoader.Load(Write(json)));
        Assert.Equal(5, error.Problems.Count);
        Assert.Contains(error.Problems, p => p.StartsWith("judging.samples: must be in [1, 256] (got 0)", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("training.from:", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("iterations:", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("models.seed: file 'missing.gguf' does not exist", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("judging.top_p:", StringComparison.Ordinal));
        Assert.Contains("run.json: judging.samples", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_field_is_an_error_not_a_silent_default()
    {
        var error = Assert.Throws<RunConfigException>(() => RunConfigLoader.Load(Write(Valid.Replace("\"samples\"", "\"sampels\"", StringComparison.Ordinal))));
        Assert.Contains("sampels", error.Message, StringComparison.Ordinal);
        Assert.Contains("judging", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_required_sections_and_broken_json_are_named()
    {
        Assert.Contains("instructions", Assert.Throws<RunConfigException>(() =>
            RunConfigLoader.Load(Write("""{ "models": { "seed": "m0.gguf" } }"""))).Message, StringComparison.Ordinal);
        Assert.Contains("(line 3)", Assert.Throws<RunConfigException>(() =>
            RunConfigLoader.Load(Write("{\n  \"name\": \"x\",\n  \"seed\": ,\n}"))).Message, StringComparison.Ordinal);
    }
}
