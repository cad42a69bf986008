using System.CommandLine;
using OrleansEvaluator.Inference.Benchmarks;
using OrleansEvaluator.Training.Benchmarks;

namespace OrleansEvaluator.Cli.Commands;

/// <summary><c>oeval bench …</c>: measurements that print ratios taken side by side in one run.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var bench = new Command("bench", "Measure throughput; every result is a ratio of two paths run in the same process.");
        bench.Subcommands.Add(Engine());
        bench.Subcommands.Add(Training());
        bench.Subcommands.Add(Cluster());
        return bench;
    }

    private static Command Cluster()
    {
        var pairs = new Option<int>("--pairs") { Description = "Instructions (pairs) in the run.", DefaultValueFactory = _ => 1536 };
        var samples = new Option<int>("--samples") { Description = "Judgments per pair and order.", DefaultValueFactory = _ => 4 };
        var latency = new Option<int>("--latency-ms") { Description = "Simulated time per request.", DefaultValueFactory = _ => 50 };
        var capacity = new Option<int>("--capacity") { Description = "Simulated requests served at once per worker silo.", DefaultValueFactory = _ => 8 };
        var command = new Command("cluster", "The pipeline on 1, 2 and 4 worker silo processes with a fixed-latency simulator instead of a model (cluster-scaling-4x; ideal 4).")
        {
            pairs, samples, latency, capacity,
        };
        command.SetAction((parse, ct) => CliErrors.RunAsync(async () =>
        {
            var settings = new ClusterBenchmarkSettings
            {
                Pairs = parse.GetValue(pairs), Samples = parse.GetValue(samples), LatencyMilliseconds = parse.GetValue(latency), Capacity = parse.GetValue(capacity),
            };
            if (settings.Pairs < 1 || settings.Samples < 1 || settings.LatencyMilliseconds < 0 || settings.Capacity < 1)
                throw new ArgumentException("--pairs, --samples and --capacity must be at least 1; --latency-ms must not be negative.");
            await new ClusterBenchmark(settings, Console.Out).RunAsync(ct);
            return 0;
        }));
        return command;
    }

    private static Command Training()
    {
        var model = new Option<FileInfo>("--model", "-m") { Description = "GGUF model (F32 or F16 weights).", Required = true };
        var context = new Option<int>("--context") { Description = "Tokens per window.", DefaultValueFactory = _ => 128 };
        var windows = new Option<int>("--windows") { Description = "Windows per round.", DefaultValueFactory = _ => 16 };
        var rounds = new Option<int>("--rounds") { Description = "Alternating rounds (medians are reported).", DefaultValueFactory = _ => 5 };
        var threads = CommonOptions.Threads();
        var command = new Command("training", "Training steps vs forward passes of the same graph (train-forward-ratio; FLOP ideal ~0.33), peak RSS.")
        {
            model, context, windows, rounds, threads,
        };
        command.SetAction((parse, ct) => CliErrors.RunAsync(() =>
        {
            var settings = new TrainingBenchmarkSettings
            {
                ContextLength = parse.GetValue(context), Windows = parse.GetValue(windows), Rounds = parse.GetValue(rounds), Threads = parse.GetValue(threads),
            };
            if (settings.ContextLength < 2 || settings.Windows < 1 || settings.Rounds < 1)
                throw new ArgumentException("--context must be at least 2; --windows and --rounds at least 1.");
            new TrainingBenchmark(parse.GetValue(model)!.FullName, settings, Console.Out).Run();
            return Task.FromResult(0);
        }));
        return command;
    }

    private static Command Engine()
    {
        var model = new Option<FileInfo>("--model", "-m") { Description = "GGUF model file.", Required = true };
        var requests = new Option<int>("--requests") { Description = "Concurrent requests.", DefaultValueFactory = _ => 64 };
        var tokens = new Option<int>("--tokens") { Description = "New tokens per request.", DefaultValueFactory = _ => 64 };
        var rounds = new Option<int>("--rounds") { Description = "Alternating rounds per path (medians are reported).", DefaultValueFactory = _ => 5 };
        var threads = CommonOptions.Threads();
        var command = new Command("engine", "Scheduler vs a raw BatchedExecutor loop (engine-throughput-ratio), forked vs independent samples (fork-speedup).")
        {
            model, requests, tokens, rounds, threads,
        };
        command.SetAction((parse, ct) => CliErrors.RunAsync(async () =>
        {
            var settings = new EngineBenchmarkSettings
            {
                Requests = parse.GetValue(requests), NewTokens = parse.GetValue(tokens), Rounds = parse.GetValue(rounds),
                Threads = parse.GetValue(threads),
            };
            if (settings.Requests is < 1 or > 256)
                throw new ArgumentException($"--requests: must be in [1, 256] (got {settings.Requests}).");
            if (settings.NewTokens < 1 || settings.Rounds < 1)
                throw new ArgumentException("--tokens and --rounds: must be at least 1.");
            await new EngineBenchmark(parse.GetValue(model)!.FullName, settings, Console.Out).RunAsync(ct);
            return 0;
        }));
        return command;
    }
}
