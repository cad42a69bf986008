using OrleansEvaluator.Core.Prompts;
using OrleansEvaluator.Core.Runs;

namespace OrleansEvaluator.Core.Tests.Runs;

public sealed class RunConfigYamlTests
{
    /// <summary>A fresh folder with every file the configs below refer to; returns the config's path.</summary>
    private static string Write(string text, string fileName)
    {
        var dir = Directory.CreateTempSubdirectory("oeval-config-").FullName;
        foreach (var file in new[] { "m0.gguf", "gen.gguf", "judge.gguf" })
            File.WriteAllText(Path.Combine(dir, file), "model");
        foreach (var file in new[] { "pool.jsonl", "bench-a.jsonl", "bench-b.jsonl" })
            File.WriteAllText(Path.Combine(dir, file), "{}");
        var path = Path.Combine(dir, fileName);
        File.WriteAllText(path, text);
        return path;
    }

    private const string FullJson = """
        {
          "name": "full-1",
          "seed": 18446744073709551615,
          "iterations": 4,
          "shards": 16,
          "models": { "seed": "m0.gguf", "generator": "gen.gguf", "judge": "judge.gguf" },
          "instructions": { "path": "pool.jsonl", "policy": "fail", "max": 500, "categories": ["coding", "math"] },
          "judging": { "samples": 8, "temperature": 0.5, "top_p": 0.95, "max_tokens": 256, "both_orders": true },
          "sampling": { "majority_threshold": 0.75, "balance": false },
          "training": { "epochs": 3, "learning_rate": 0.0005, "lora_rank": 8, "context": 512, "from": "previous" },
          "benchmarks": ["bench-a.jsonl", "bench-b.jsonl"]
        }
        """;

    private const string FullYaml = """
        # every section, the same values as FullJson
        name: full-1
        seed: 18446744073709551615
        iterations: 4
        shards: 16
        models:
          seed: m0.gguf
          generator: gen.gguf
          judge: judge.gguf
        instructions:
          path: pool.jsonl
          policy: fail
          max: 500
          categories: [coding, math]
        judging:
          samples: 8
          temperature: 0.5
          top_p: 0.95
          max_tokens: 256
          both_orders: true
        sampling:
          majority_threshold: 7.5e-1
          balance: false
        training:
          epochs: 3
          learning_rate: .0005
          lora_rank: 8
          context: 512
          from: previous
        benchmarks:
          - bench-a.jsonl
          - "bench-b.jsonl"
        """;

    private const string SmallYaml = """
        name: demo-1
        models:
          seed: m0.gguf
        instructions:
          path: pool.jsonl
        judging:
          samples: 8

        """;

    private static RunConfigException Refused(string yaml, string fileName = "run.yaml") =>
        Assert.Throws<RunConfigException>(() => RunConfigLoader.Load(Write(yaml, fileName)));

    private static readonly string[] s_none = [];

    /// <summary>Records compare lists by reference: compare the lists by value, then the rest.</summary>
    private static void AssertSame(RunConfig expected, RunConfig actual)
    {
        Assert.Equal(expected.Benchmarks, actual.Benchmarks);
        Assert.Equal(expected.Instructions.Categories, actual.Instructions.Categories);
        static RunConfig WithoutLists(RunConfig c) =>
            c with { Benchmarks = s_none, Instructions = c.Instructions with { Categories = s_none } };
        Assert.Equal(WithoutLists(expected), WithoutLists(actual));
    }

    [Fact]
    public void The_same_config_in_JSON_and_YAML_loads_to_equal_values()
    {
        var json = RunConfigLoader.Load(Write(FullJson, "run.json"));
        var yaml = RunConfigLoader.Load(Write(FullYaml, "run.yaml"));
        AssertSame(json, yaml);
        Assert.Equal(ulong.MaxValue, yaml.Seed);
        Assert.Equal(["coding", "math"], yaml.Instructions.Categories);
        Assert.Equal(0.75, yaml.Sampling.MajorityThreshold);
        Assert.Equal(5e-4f, yaml.Training.LearningRate);
        Assert.Equal(("previous", false, true), (yaml.Training.From, yaml.Sampling.Balance, yaml.Judging.BothOrders));
    }

    [Fact]
    public void The_yml_extension_is_YAML_too_and_defaults_fill_what_it_leaves_out()
    {
        var config = RunConfigLoader.Load(Write(SmallYaml, "run.yml"));
        Assert.Equal(("demo-1", 8, 512, 8), (config.Name, config.Judging.Samples, config.Judging.MaxTokens, config.Shards));
        Assert.Null(config.Models.Generator);
        AssertSame(config, RunConfigLoader.Load(Write(SmallYaml, "RUN.YAML")));
    }

    [Fact]
    public void An_unknown_key_is_named_with_its_line()
    {
        var error = Refused(SmallYaml.Replace("samples:", "sampels:", StringComparison.Ordinal));
        var problem = Assert.Single(error.Problems);
        Assert.StartsWith("judging.sampels: ", problem, StringComparison.Ordinal);
        Assert.Contains("'sampels'", problem, StringComparison.Ordinal);
        Assert.EndsWith("(line 7, column 3)", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_type_names_the_field_and_its_line()
    {
        var error = Refused(SmallYaml.Replace("samples: 8", "samples: \"many\"", StringComparison.Ordinal));
        var problem = Assert.Single(error.Problems);
        Assert.StartsWith("judging.samples: ", problem, StringComparison.Ordinal);
        Assert.Contains("(line 7, column 3)", problem, StringComparison.Ordinal);
        Assert.Contains("run.yaml: judging.samples", error.Message, StringComparison.Ordinal);

        var inList = Assert.Single(Refused(SmallYaml + "benchmarks:\n  - bench-a.jsonl\n  - 12\n").Problems);
        Assert.StartsWith("benchmarks[1]: ", inList, StringComparison.Ordinal);
        Assert.EndsWith("(line 10, column 5)", inList, StringComparison.Ordinal);
    }

    [Fact]
    public void Validation_is_the_same_as_for_JSON()
    {
        var error = Refused(SmallYaml.Replace("samples: 8", "samples: 0", StringComparison.Ordinal)
            .Replace("seed: m0.gguf", "seed: missing.gguf", StringComparison.Ordinal));
        Assert.Equal(2, error.Problems.Count);
        Assert.Contains("judging.samples: must be in [1, 256] (got 0).", error.Problems);
        Assert.Contains("models.seed: file 'missing.gguf' does not exist.", error.Problems);
        Assert.Contains("instructions", Refused("models:\n  seed: m0.gguf\n").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_syntax_error_names_the_file_line_and_column()
    {
        var path = Write("name: x\nmodels:\n  seed: [m0.gguf\ninstructions: {path: pool.jsonl}\n", "broken.yaml");
        var error = Assert.Throws<RunConfigException>(() => RunConfigLoader.Load(path));
        var problem = Assert.Single(error.Problems);
        Assert.StartsWith("YAML syntax error at line 4, column ", problem, StringComparison.Ordinal);
        Assert.Contains($"{path}: YAML syntax error at line 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quoted_scalars_stay_strings_and_plain_ones_follow_the_core_schema()
    {
        var config = RunConfigLoader.Load(Write(SmallYaml.Replace("name: demo-1", "name: \"123\"", StringComparison.Ordinal), "run.yaml"));
        Assert.Equal("123", config.Name);
        Assert.Equal("007", RunConfigLoader.ParseYaml("name: '007'\nmodels: {seed: m}\ninstructions: {path: p}\n", "t").Name);
        Assert.Equal("true", RunConfigLoader.ParseYaml("name: !!str true\nmodels: {seed: m}\ninstructions: {path: p}\n", "t").Name);

        var plain = RunConfigLoader.ParseYaml("""
            seed: 0x1F
            iterations: +007
            models: {seed: m, generator: ~, judge: null}
            instructions: {path: p, max: 0o17}
            judging: {temperature: 1., top_p: .5, both_orders: True}
            sampling: {majority_threshold: }
            """, "t");
        Assert.Equal((31UL, 7, 15), (plain.Seed, plain.Iterations, plain.Instructions.Max));
        Assert.Equal((1f, 0.5f, true), (plain.Judging.Temperature, plain.Judging.TopP, plain.Judging.BothOrders));
        Assert.Null(plain.Models.Generator);
        Assert.Null(plain.Models.Judge);
        Assert.Null(plain.Sampling.MajorityThreshold);

        // A quoted number for a number field is a string, as in JSON, and is refused the same way.
        var quoted = Assert.Throws<RunConfigException>(() =>
            RunConfigLoader.ParseYaml("models: {seed: m}\ninstructions: {path: p}\niterations: '3'\n", "t"));
        Assert.StartsWith("iterations: ", Assert.Single(quoted.Problems), StringComparison.Ordinal);
        // An unquoted word is a string too, not an error of the YAML reader.
        Assert.Equal("yes", RunConfigLoader.ParseYaml("name: yes\nmodels: {seed: m}\ninstructions: {path: p}\n", "t").Name);
    }

    [Theory]
    [InlineData("base: &b {seed: m0.gguf}\n", "anchors (&b)")]
    [InlineData("models: *m\n", "aliases (*m)")]
    [InlineData("judging: {samples: 8}\nmodels: {seed: m0.gguf, <<: *x}\n", "aliases (*x)")]
    public void Anchors_and_aliases_are_refused(string yaml, string expected)
    {
        var problem = Assert.Single(Refused(yaml + "instructions: {path: pool.jsonl}\n").Problems);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
        Assert.Contains("not supported", problem, StringComparison.Ordinal);
        Assert.Contains("(line ", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_documents_odd_keys_tags_and_non_finite_numbers_are_refused()
    {
        Assert.Contains("a second one starts at line 6", Assert.Single(Refused(SmallYaml[..SmallYaml.IndexOf("judging", StringComparison.Ordinal)] + "---\nname: b\n").Problems),
            StringComparison.Ordinal);
        Assert.Contains("mapping keys must be strings; '1' is a number", Assert.Single(Refused(SmallYaml + "1: x\n").Problems), StringComparison.Ordinal);
        Assert.Contains("mapping keys must be strings; 'true' is a bool", Assert.Single(Refused(SmallYaml + "true: x\n").Problems), StringComparison.Ordinal);
        Assert.Contains("mapping keys must be strings, not a mapping", Assert.Single(Refused(SmallYaml + "? [a]\n: x\n").Problems), StringComparison.Ordinal);
        Assert.StartsWith("judging.samples: duplicate key (first at line 7", Assert.Single(Refused(SmallYaml + "  samples: 9\n").Problems), StringComparison.Ordinal);
        Assert.StartsWith("seed: tag 'tag:yaml.org,2002:int' is not supported", Assert.Single(Refused(SmallYaml + "seed: !!int 3\n").Problems), StringComparison.Ordinal);
        Assert.StartsWith("judging.temperature: '.nan' is not a finite number", Assert.Single(Refused(SmallYaml + "  temperature: .nan\n").Problems), StringComparison.Ordinal);
        Assert.Equal("the file holds no YAML document.", Assert.Single(Refused("# nothing here\n").Problems));
        Assert.Equal("the YAML document is null", Assert.Single(Refused("---\n").Problems));
        Assert.Single(Refused("- a\n- b\n").Problems);
    }

    [Fact]
    public void Relative_paths_are_taken_from_the_YAML_files_folder_as_from_the_JSON_files()
    {
        var top = Path.GetDirectoryName(Write("", "unused.yaml"))!;
        var configs = Directory.CreateDirectory(Path.Combine(top, "configs")).FullName;
        var yaml = SmallYaml.Replace("m0.gguf", "../m0.gguf", StringComparison.Ordinal).Replace("pool.jsonl", "../pool.jsonl", StringComparison.Ordinal);
        var json = """{ "name": "demo-1", "models": { "seed": "../m0.gguf" }, "instructions": { "path": "../pool.jsonl" }, "judging": { "samples": 8 } }""";
        File.WriteAllText(Path.Combine(configs, "run.yaml"), yaml);
        File.WriteAllText(Path.Combine(configs, "run.json"), json);
        AssertSame(RunConfigLoader.Load(Path.Combine(configs, "run.json")), RunConfigLoader.Load(Path.Combine(configs, "run.yaml")));

        // The same text one folder up points outside the files, and both formats say so by field.
        File.WriteAllText(Path.Combine(top, "up.yaml"), yaml);
        File.WriteAllText(Path.Combine(top, "up.json"), json);
        var fromYaml = Assert.Throws<RunConfigException>(() => RunConfigLoader.Load(Path.Combine(top, "up.yaml"))).Problems;
        var fromJson = Assert.Throws<RunConfigException>(() => RunConfigLoader.Load(Path.Combine(top, "up.json"))).Problems;
        Assert.Equal(fromJson, fromYaml);
        Assert.Contains("models.seed: file '../m0.gguf' does not exist.", fromYaml);
    }

    [Fact]
    public void Another_extension_is_read_as_JSON_and_a_failure_names_the_accepted_ones()
    {
        var json = """{ "models": { "seed": "m0.gguf" }, "instructions": { "path": "pool.jsonl" } }""";
        Assert.Equal("run", RunConfigLoader.Load(Write(json, "run.conf")).Name);
        var error = Refused(SmallYaml, "run.conf");
        Assert.Contains("read as JSON because the file has the extension '.conf'; name it .json, .yaml, .yml", error.Message, StringComparison.Ordinal);
        Assert.Contains("has no extension", Refused(SmallYaml, "run").Message, StringComparison.Ordinal);
    }
}

public sealed class RunConfigPromptsTests
{
    [Fact]
    public void A_prompt_set_must_be_known_and_template_files_must_exist()
    {
        var config = RunConfigLoader.ParseYaml("""
            name: p
            models: { seed: m.gguf }
            instructions: { path: i.jsonl }
            prompts: { set: tiny, judge: judge.txt }
            """, "run.yaml");
        var errors = RunConfigLoader.Validate(config, Path.GetTempPath());
        Assert.Contains(errors, e => e.StartsWith("prompts.set: one of default, tinyworld (got 'tiny')", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("prompts.judge: file 'judge.txt' does not exist", StringComparison.Ordinal));
    }

    [Fact]
    public void The_tinyworld_set_gives_the_compact_templates_and_the_cache_parses_each_text_once()
    {
        Assert.Same(PromptCache.Judge(PromptSets.JudgeText(PromptSets.TinyWorld)), PromptCache.Judge(PromptSets.JudgeText(PromptSets.TinyWorld)));
        var judge = PromptCache.Judge(PromptSets.JudgeText(PromptSets.TinyWorld));
        Assert.Equal("answer: 8 [[A]] answer: 9 [[B]] question: after 7 answer:", Assert.Single(judge.Format("after 7", "8", "9")).Content);
        Assert.Equal(JudgePrompt.DefaultTemplate.Fingerprint, PromptCache.Judge(null).Template.Fingerprint);
    }
}
