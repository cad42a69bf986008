using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OrleansEvaluator.Artifacts;
using OrleansEvaluator.Core.Runs;
using OrleansEvaluator.Core.TinyWorld;
using OrleansEvaluator.Data;
using OrleansEvaluator.Grains.Pipeline;
using OrleansEvaluator.Hosting.Pipeline;
using OrleansEvaluator.Reporting;
using OrleansEvaluator.Runs;
using OrleansEvaluator.Training.TinyWorld;

namespace OrleansEvaluator.Cli.Commands;

/// <summary>
/// <c>oeval demo</c>: the whole loop on the built-in miniature world. Bootstraps (or reuses) a seed trained from
/// nothing on TinyWorld answering and modification examples, then runs the real system embedded — every generation
/// through the engine, every training step through the trainer, every stage through the grains — with the seed as
/// generator and first judge, and scores each iteration's judge on the held-out TinyWorld benchmark.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var state = new Option<DirectoryInfo>("--state") { Description = "Folder for the run's state, artifacts and report.", DefaultValueFactory = _ => new DirectoryInfo(".oeval") };
        var iterations = new Option<int>("--iterations") { Description = "Self-taught iterations.", DefaultValueFactory = _ => 3 };
        var worldSet = new TinyWorldOptionSet();
        var shapeSet = new SeedShapeOptionSet();
        var samples = new Option<int>("--samples") { Description = "Judgments per pair and order.", DefaultValueFactory = _ => 2 };
        var pairs = new Option<int>("--pairs") { Description = "Pairs per instruction (sampled modifications of one greedy answer).", DefaultValueFactory = _ => 4 };
        var exercises = new Option<int>("--exercises")
        {
            Description = "Label-free stated-answer exercises built from each iteration's own judge prompts and added to its training set (training.exercises).",
            DefaultValueFactory = _ => DefaultExercises,
        };
        var epochs = new Option<int>("--epochs") { Description = "Training epochs per iteration.", DefaultValueFactory = _ => DefaultEpochs };
        var siloPort = new Option<int>("--silo-port") { DefaultValueFactory = _ => 11111, Description = "Silo port (localhost)." };
        var gatewayPort = new Option<int>("--gateway-port") { DefaultValueFactory = _ => 30000, Description = "Gateway port (localhost)." };
        var threads = CommonOptions.Threads();
        var verbose = CommonOptions.Verbose();
        var command = new Command("demo", "Run the Self-Taught Evaluator loop end to end on TinyWorld, a built-in miniature world (embedded, no services).")
        {
            state, iterations, samples, pairs, exercises, epochs, siloPort, gatewayPort, threads, verbose,
        };
        worldSet.AddTo(command);
        shapeSet.AddTo(command);
        command.SetAction((parse, ct) => CliErrors.RunAsync(async () =>
        {
            var loop = new DemoLoop(parse.GetValue(iterations), parse.GetValue(samples), parse.GetValue(pairs), parse.GetValue(exercises), parse.GetValue(epochs));
            CheckLoopOptions(loop);
            var folder = parse.GetValue(state)!.FullName;
            var worldOptions = worldSet.Read(parse);
            var runSeed = worldOptions.Seed;
            var seedOptions = new TinyWorldSeedOptions { World = worldOptions, Shape = shapeSet.Read(parse), Threads = parse.GetValue(threads) };
            if (seedOptions.Validate() is [var problem, ..])
                throw SeedOptionErrors.Named(problem);
            var world = new TinyWorldGenerator(seedOptions.World);

            Console.WriteLine($"demo: seed model (cache key {TinyWorldSeed.CacheKey(seedOptions)})");
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var (seedPath, trained) = TinyWorldSeed.Bootstrap(seedOptions, Path.Combine(folder, "seeds"), new SeedProgress(Console.Out, "demo: seed"), ct);
            Console.WriteLine(trained is null
                ? $"demo: seed reused from {seedPath}"
                : string.Create(CultureInfo.InvariantCulture, $"demo: seed trained in {clock.Elapsed.TotalSeconds:F0} s (loss {trained.TrainLoss[^1]:F3}) -> {seedPath}"));

            var inputs = Path.Combine(folder, "demo", runSeed.ToString(CultureInfo.InvariantCulture));
            var config = WriteRun(world, inputs, seedPath, loop, runSeed);
            // The seed names its raw chat format in its own metadata (RawPrompt.FormatKey), so the silo needs no fallback for it.
            using var host = EmbeddedSilo.Build(folder, parse.GetValue(siloPort), parse.GetValue(gatewayPort), parse.GetValue(threads), parse.GetValue(verbose));
            await host.StartAsync(ct);
            try
            {
                var grains = host.Services.GetRequiredService<IGrainFactory>();
                var store = host.Services.GetRequiredService<IArtifactStore>();
                var status = await RunSubmitter.SubmitAsync(grains, store, config, cancellationToken: ct);
                var final = await RunCommand.FollowAndReportAsync(grains, store, status.RunId, folder,
                    async run => new RunReportExtras { LabelQuality = await LabelQualityAsync(world, store, run) }, ct);
                if (final is null)
                    return 130;
                var scores = final.Reports.Select(r => r.Scores.FirstOrDefault(s => s.Benchmark == BenchmarkName)).ToArray();
                var first = scores.FirstOrDefault()?.Accuracy;
                var last = scores.LastOrDefault()?.Accuracy;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"demo: seed-accuracy {Percent(first)} -> final-accuracy {Percent(last)} ({scores.LastOrDefault()?.Items ?? 0} held-out pairs)"));
                return final.Phase == RunPhase.Completed ? 0 : 1;
            }
            finally
            {
                await host.StopAsync(CancellationToken.None);
            }
        }, parse.InvocationConfiguration.Error));
        return command;
    }

    private const string BenchmarkName = TinyWorldFiles.BenchmarkName;

    private static string Percent(double? value) => value is { } v ? (v * 100).ToString("F1", CultureInfo.InvariantCulture) : "n/a";

    private const float ModifyTemperature = 0.7f;

    private const int DefaultExercises = 18_000;

    private const int DefaultEpochs = 3;

    // The seed's own rows in every training set: without them a judge trained on its judgments and stated-answer
    // exercises forgot how to answer (every judgment stated the same number) and fell below the seed.
    private const double ReplayFraction = 0.3;

    // The run config's validator owns the bounds; asking it before the seed's minutes of training, rather than at submit,
    // names the demo's option instead of the config field it writes.
    private static void CheckLoopOptions(DemoLoop loop)
    {
        var config = new RunConfig
        {
            Iterations = loop.Iterations,
            Models = new RunModels { Seed = "seed.gguf" },
            Instructions = new RunInstructions { Path = "instructions.jsonl" },
            Synthesis = new RunSynthesis { ModifyTemperature = ModifyTemperature, PairsPerInstruction = loop.Pairs },
            Judging = new RunJudging { Samples = loop.Samples },
            Training = new RunTraining { Exercises = loop.Exercises, Epochs = loop.Epochs },
        };
        (string Field, string Option)[] names =
        [
            ("iterations", "--iterations"), ("synthesis.pairs_per_instruction", "--pairs"), ("judging.samples", "--samples"),
            ("training.exercises", "--exercises"), ("training.epochs", "--epochs"),
        ];
        foreach (var problem in RunConfigLoader.Validate(config, Path.GetTempPath()))
        {
            if (OptionNames.Rename(problem, names) is { } named)
                throw new ArgumentException(named);
        }
    }

    private static string WriteRun(TinyWorldGenerator world, string folder, string seedPath, DemoLoop loop, ulong seed)
    {
        TinyWorldFiles.Write(world, folder, seedRows: true);
        var config = Path.Combine(folder, "run.json");
        File.WriteAllText(config, string.Create(CultureInfo.InvariantCulture, $$"""
            {
              "name": "demo-{{seed}}-{{DateTime.UtcNow:yyyyMMddHHmmss}}", "seed": {{seed}}, "iterations": {{loop.Iterations}}, "shards": 4, "reproducible": false,
              "models": { "seed": "{{seedPath.Replace("\\", "\\\\", StringComparison.Ordinal)}}" },
              "instructions": { "path": "instructions.jsonl" },
              "prompts": { "set": "tinyworld" },
              "synthesis": { "temperature": 0.0, "modify_temperature": {{ModifyTemperature}}, "top_p": 0.95, "answer_max_tokens": 4, "modify_max_tokens": 64, "pairs_per_instruction": {{loop.Pairs}} },
              "judging": { "samples": {{loop.Samples}}, "temperature": 0.7, "top_p": 1.0, "max_tokens": 18, "both_orders": true },
              "sampling": { "per_order": true },
              "training": { "epochs": {{loop.Epochs}}, "learning_rate": 0.003, "accumulation": 8, "context": 128, "from": "previous", "exercises": {{loop.Exercises}},
                "replay": "{{TinyWorldFiles.SeedRows}}", "replay_fraction": {{ReplayFraction}} },
              "benchmarks": [ "{{BenchmarkName}}.jsonl" ],
              "evaluation": { "max_tokens": 18 }
            }
            """));
        return config;
    }

    // How many synthesized pairs have a truly better chosen answer, by the world's own answers.
    private static async Task<double?> LabelQualityAsync(TinyWorldGenerator world, IArtifactStore store, RunStatus run)
    {
        var pairs = new List<PreferencePair>();
        foreach (var id in run.PairArtifacts)
            pairs.AddRange(await store.GetAsync<PreferencePair>(id));
        var quality = world.Oracle.LabelQuality(pairs);
        var families = string.Join(", ", quality.ByFamily.Select(f =>
            string.Create(CultureInfo.InvariantCulture, $"{TinyWorldGenerator.FamilyName(f.Key)} {f.Value.Share:P0} of {f.Value.Pairs}")));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"demo: label quality {quality.Share:P1} ({quality.TrulyBetter} of {quality.Pairs} pairs truly better; chosen wrong {quality.ChosenWrong}, rejected right {quality.RejectedRight}; {families})"));
        return quality.Pairs == 0 ? null : quality.Share;
    }
}
