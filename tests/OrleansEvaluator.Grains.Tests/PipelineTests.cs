using Orleans.Core.Internal;
using OrleansEvaluator.Core.Parsing;
using OrleansEvaluator.Core.Prompts;
using OrleansEvaluator.Data;
using OrleansEvaluator.Grains.Pipeline;
using OrleansEvaluator.Hosting.Pipeline;
using OrleansEvaluator.Runs;

namespace OrleansEvaluator.Grains.Tests;

/// <summary>The whole loop on a real cluster of three silos and a real model: every stage's artifacts exist and add up.</summary>
public sealed class PipelineTests(PipelineClusterFixture fixture) : IClassFixture<PipelineClusterFixture>
{
    internal static readonly string[] Instructions =
    [
        "Tell a story about a cat.", "Tell a story about a dog.", "Write about a big tree.", "Tell me about the sun.",
        "Write a story about a boat.", "Tell a story about a little bird.",
    ];

    /// <summary>Writes a small run (instructions, a benchmark, the config) into <paramref name="folder"/> and returns the config path.</summary>
    internal static string WriteRun(string folder, string name, int iterations, string extra = "",
        string synthesis = "\"answer_max_tokens\": 12, \"modify_max_tokens\": 72, \"temperature\": 0.8",
        string training = "\"epochs\": 1, \"context\": 2048, \"learning_rate\": 0.0005")
    {
        Directory.CreateDirectory(folder);
        File.WriteAllLines(Path.Combine(folder, "instructions.jsonl"),
            Instructions.Select((text, i) => $$"""{"id": "i{{i}}", "instruction": "{{text}}"}"""));
        File.WriteAllLines(Path.Combine(folder, "bench.jsonl"),
        [
            """{"id": "b0", "subset": "s1", "prompt": "Tell a story about a cat.", "chosen": "Once upon a time there was a cat.", "rejected": "The sun is hot."}""",
            """{"id": "b1", "subset": "s1", "prompt": "Tell a story about a dog.", "chosen": "Once upon a time there was a dog.", "rejected": "A boat."}""",
            """{"id": "b2", "subset": "s2", "prompt": "Write about a tree.", "chosen": "The tree was big and green.", "rejected": "Lily ran."}""",
        ]);
        var config = Path.Combine(folder, "run.json");
        File.WriteAllText(config, $$"""
            {
              "name": "{{name}}", "seed": 7, "iterations": {{iterations}}, "shards": 2,
              "models": { "seed": "{{SharedModels.Stories260K}}" },
              "instructions": { "path": "instructions.jsonl" },
              "synthesis": { {{synthesis}} },
              "judging": { "samples": 3, "max_tokens": 12, "temperature": 1.0 },
              "training": { {{training}} },
              "benchmarks": [ "bench.jsonl" ],
              "evaluation": { "max_tokens": 10 }{{extra}}
            }
            """);
        return config;
    }

    internal static async Task<RunStatus> WaitAsync(IRunCoordinatorGrain run, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var status = await run.StatusAsync();
            if (status.IsFinished)
                return status;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Run {status.RunId} still in {status.Phase} (iteration {status.Iteration}) after {timeout}; last error: {status.Error}");
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task Two_iterations_produce_pairs_judgments_traces_two_models_and_evaluations()
    {
        var grains = fixture.Cluster.Client;
        var config = WriteRun(Path.Combine(fixture.Folder, "run-a"), "two-iterations", iterations: 2);
        var submitted = await RunSubmitter.SubmitAsync(grains, fixture.Store, config, cancellationToken: TestContext.Current.CancellationToken);
        Assert.False(submitted.IsFinished);

        var status = await WaitAsync(grains.GetGrain<IRunCoordinatorGrain>("two-iterations"), TimeSpan.FromMinutes(8));

        Assert.True(status.Phase == RunPhase.Completed, $"{status.Phase}: {status.Error}");
        Assert.Equal(Instructions.Length, status.Instructions);
        Assert.Equal(Instructions.Length, status.Selected);
        var pairs = new List<PreferencePair>();
        foreach (var id in status.PairArtifacts)
            pairs.AddRange(await fixture.Store.GetAsync<PreferencePair>(id, TestContext.Current.CancellationToken));
        Assert.Equal(status.Pairs, pairs.Count);
        Assert.True(pairs.Count > 0, "no pairs: " + string.Join(", ", status.PairFailures));
        Assert.Equal(Instructions.Length, pairs.Count + status.PairFailures.Values.Sum());
        Assert.All(pairs, p => Assert.NotEqual(p.Instruction, p.ModifiedInstruction));

        Assert.Equal([0, 1, 2], status.Reports.Select(r => r.Iteration));
        var models = new HashSet<string>(StringComparer.Ordinal);
        foreach (var report in status.Reports.Skip(1))
        {
            var samples = new List<JudgmentSample>();
            foreach (var id in report.SampleArtifacts)
                samples.AddRange(await fixture.Store.GetAsync<JudgmentSample>(id, TestContext.Current.CancellationToken));
            Assert.Equal(pairs.Count * 3, samples.Count); // 3 samples of one order per pair
            Assert.Equal(report.Samples, samples.Count);
            Assert.All(samples, s => Assert.Equal(report.Iteration, s.Iteration));
            var traces = await fixture.Store.GetAsync<AcceptedTrace>(report.TracesArtifact!, TestContext.Current.CancellationToken);
            Assert.Equal(report.Accepted, traces.Count);
            Assert.All(traces, t => Assert.Contains(samples, s => s.PairId == t.PairId && s.SampleIndex == t.SampleIndex && s.IsCorrect));
            Assert.All(traces, t => Assert.Contains("<<<BEGIN", t.Prompt, StringComparison.Ordinal));
            Assert.NotNull(report.TrainedModel);
            Assert.True(await fixture.Store.ExistsAsync(report.TrainedModel!, TestContext.Current.CancellationToken));
            Assert.True(report.TrainLoss is > 0);
            models.Add(report.TrainedModel!);
        }
        Assert.Equal(2, models.Count);

        foreach (var report in status.Reports)
        {
            var score = Assert.Single(report.Scores);
            Assert.Equal("bench", score.Benchmark);
            var rows = await fixture.Store.GetAsync<EvaluationResult>(score.ResultsArtifact, TestContext.Current.CancellationToken);
            Assert.Equal(6, rows.Count); // 3 items in both orders
            Assert.All(rows, r => Assert.Equal(report.Iteration, r.Iteration));
            Assert.Equal(rows.Average(r => r.Score), score.Accuracy!.Value, 9);
        }
        // Iteration i is judged by the model trained in iteration i - 1.
        Assert.Equal(status.Reports[1].TrainedModel, status.Reports[2].JudgeModel);
    }

    [Fact]
    public async Task Several_pairs_per_instruction_share_the_good_answer_and_differ_in_the_modification()
    {
        var grains = fixture.Cluster.Client;
        var folder = Path.Combine(fixture.Folder, "run-k");
        Directory.CreateDirectory(folder);
        var replay = Enumerable.Range(0, 40).Select(i => new SftExample($"r{i}", $"Tell a story number {i}.", "Once upon a time.", AnswerOnlyLoss: false)).ToArray();
        Core.Formats.JsonlFile.Write(Path.Combine(folder, "replay.jsonl"), replay);
        var config = WriteRun(folder, "pairs-per-instruction", iterations: 1,
            synthesis: "\"answer_max_tokens\": 12, \"modify_max_tokens\": 72, \"temperature\": 0, \"modify_temperature\": 1.0, \"pairs_per_instruction\": 3",
            training: "\"epochs\": 1, \"context\": 2048, \"learning_rate\": 0.0005, \"replay\": \"replay.jsonl\", \"replay_fraction\": 0.5, \"exercises\": 30");
        await RunSubmitter.SubmitAsync(grains, fixture.Store, config, cancellationToken: TestContext.Current.CancellationToken);

        var status = await WaitAsync(grains.GetGrain<IRunCoordinatorGrain>("pairs-per-instruction"), TimeSpan.FromMinutes(8));

        Assert.True(status.Phase == RunPhase.Completed, $"{status.Phase}: {status.Error}");
        var pairs = new List<PreferencePair>();
        foreach (var id in status.PairArtifacts)
            pairs.AddRange(await fixture.Store.GetAsync<PreferencePair>(id, TestContext.Current.CancellationToken));
        // Three samples per instruction: each a pair, or a counted failure (unparseable, or a repeat of an earlier one).
        Assert.Equal(Instructions.Length * 3, pairs.Count + status.PairFailures.Values.Sum());
        Assert.True(pairs.Count > Instructions.Length, $"{pairs.Count} pairs; failures: {string.Join(", ", status.PairFailures)}");
        Assert.Equal(pairs.Count, pairs.Select(p => p.Id).Distinct(StringComparer.Ordinal).Count());
        foreach (var group in pairs.GroupBy(p => p.InstructionId, StringComparer.Ordinal))
        {
            Assert.Single(group.Select(p => p.Chosen).Distinct(StringComparer.Ordinal)); // one greedy good answer
            Assert.Equal(group.Count(), group.Select(p => (p.ModifiedInstruction, p.Rejected)).Distinct().Count());
        }

        // The kept judgments, then 30 stated-answer exercises built from the judge prompts as the engine rendered them
        // (through the model's chat template), then replay as half the training set: as many distinct replay rows.
        var report = status.Reports.Single(r => r.Iteration == 1);
        var rows = await fixture.Store.GetAsync<SftExample>(report.TrainingSetArtifact!, TestContext.Current.CancellationToken);
        Assert.Equal(30, report.Exercises);
        Assert.Equal(report.Accepted + report.Exercises, report.Replayed);
        Assert.Equal(report.Accepted + report.Exercises + report.Replayed, rows.Count);
        Assert.All(rows.Take(report.Accepted + report.Exercises), r => Assert.True(r.AnswerOnlyLoss));
        var prompts = new List<JudgedPrompt>();
        foreach (var id in report.PromptArtifacts)
            prompts.AddRange(await fixture.Store.GetAsync<JudgedPrompt>(id, TestContext.Current.CancellationToken));
        var byId = pairs.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var values = pairs.Select(p => p.Chosen).Select(UntrustedText.Inline).ToHashSet(StringComparer.Ordinal);
        var twins = 0;
        foreach (var row in rows.Skip(report.Accepted).Take(report.Exercises))
        {
            Assert.Contains(row.Target, new[] { VerdictParser.MarkerA, VerdictParser.MarkerB });
            // A twin is the judge prompt as the judge read it (chat template and all), then the response its target labels.
            if (prompts.FirstOrDefault(p => row.Prompt.StartsWith(p.Prompt, StringComparison.Ordinal)) is { } own)
            {
                var pair = byId[own.PairId];
                var (a, b) = own.Order == PresentationOrder.ChosenFirst ? (pair.Chosen, pair.Rejected) : (pair.Rejected, pair.Chosen);
                Assert.Equal(UntrustedText.Inline(row.Target == VerdictParser.MarkerA ? a : b), row.Prompt[own.Prompt.Length..].TrimStart());
                twins++;
            }
            else
            {
                // Otherwise two good answers of any pairs, re-rendered, one of them stated.
                Assert.Contains(values, v => row.Prompt.Length > v.Length && row.Prompt.EndsWith(v, StringComparison.Ordinal)
                    && char.IsWhiteSpace(row.Prompt[^(v.Length + 1)]));
            }
        }
        Assert.InRange(twins, 1, report.Exercises - 1);
        Assert.Subset(replay.ToHashSet(), rows.Skip(report.Accepted + report.Exercises).ToHashSet());
        Assert.Equal(report.Replayed, rows.Skip(report.Accepted + report.Exercises).Distinct().Count());
    }

    [Fact]
    public async Task A_malformed_replay_file_is_reported_by_file_and_line_before_the_run_starts()
    {
        var folder = Path.Combine(fixture.Folder, "run-bad-replay");
        Directory.CreateDirectory(folder);
        File.WriteAllLines(Path.Combine(folder, "replay.jsonl"),
            ["""{"id":"a","prompt":"p","target":"t","answer_only_loss":false}""", """{"id":"b","prompt":"p","target":"""]);
        var config = WriteRun(folder, "bad-replay", iterations: 1,
            training: "\"epochs\": 1, \"context\": 2048, \"replay\": \"replay.jsonl\"");

        var error = await Assert.ThrowsAsync<Core.Formats.DataFormatException>(() =>
            RunSubmitter.SubmitAsync(fixture.Cluster.Client, fixture.Store, config, cancellationToken: TestContext.Current.CancellationToken));

        Assert.StartsWith(Path.Combine(folder, "replay.jsonl") + ":2:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_whose_coordinator_activation_ends_mid_run_is_driven_on_by_the_next_one()
    {
        var grains = fixture.Cluster.Client;
        var ct = TestContext.Current.CancellationToken;
        var config = WriteRun(Path.Combine(fixture.Folder, "run-b"), "coordinator-deactivated", iterations: 1);
        await RunSubmitter.SubmitAsync(grains, fixture.Store, config, cancellationToken: ct);
        var run = grains.GetGrain<IRunCoordinatorGrain>("coordinator-deactivated");
        while ((await run.StatusAsync()).Phase is RunPhase.Pending or RunPhase.Ingest or RunPhase.Select)
            await Task.Delay(50, ct);

        // As when the silo holding its directory entry dies: the activation goes; only status calls wake the next one.
        await run.Cast<IGrainManagementExtension>().DeactivateOnIdle(ct);

        var status = await WaitAsync(run, TimeSpan.FromMinutes(6));
        Assert.True(status.Phase == RunPhase.Completed, $"{status.Phase}: {status.Error}");
        Assert.Equal(2, status.Reports.Count);
        Assert.NotNull(status.Reports[1].TrainedModel);
    }
}
