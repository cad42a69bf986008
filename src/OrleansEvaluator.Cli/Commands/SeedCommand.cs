using System.CommandLine;
using System.Globalization;
using OrleansEvaluator.Training.TinyWorld;

namespace OrleansEvaluator.Cli.Commands;

/// <summary>
/// <c>oeval seed tinyworld</c>: trains TinyWorld's seed model from nothing (or reuses it, cached by content hash), the
/// model `oeval demo` starts from, with the seed-data options the demo does not expose, for judge-training experiments.
/// </summary>
internal static class SeedCommand
{
    public static Command Create()
    {
        var root = new Command("seed", "Train a seed model from nothing.");
        var output = new Option<DirectoryInfo>("--out") { Description = "Cache folder: the seed is written (or found) there, named by its content hash.", Required = true };
        var world = new TinyWorldOptionSet();
        var shape = new SeedShapeOptionSet();
        var epochs = new Option<int>("--epochs") { Description = "Passes over the seed's examples.", DefaultValueFactory = _ => 1 };
        var threads = CommonOptions.Threads();
        var tinyWorld = new Command("tinyworld", "Train TinyWorld's seed (answering and modification examples, never judgments); prints its path.")
        {
            output, epochs, threads,
        };
        world.AddTo(tinyWorld);
        shape.AddTo(tinyWorld);
        tinyWorld.SetAction((parse, ct) => CliErrors.RunAsync(() =>
        {
            var options = new TinyWorldSeedOptions
            {
                World = world.Read(parse), Shape = shape.Read(parse), Epochs = parse.GetValue(epochs), Threads = parse.GetValue(threads),
            };
            if (options.Validate() is [var problem, ..])
                throw SeedOptionErrors.Named(problem);
            var writer = parse.InvocationConfiguration.Output;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var (path, trained) = TinyWorldSeed.Bootstrap(options, parse.GetValue(output)!.FullName, new SeedProgress(writer, "seed:"), ct);
            writer.WriteLine(trained is null
                ? $"seed: reused {path}"
                : string.Create(CultureInfo.InvariantCulture, $"seed: trained in {clock.Elapsed.TotalSeconds:F0} s (loss {trained.TrainLoss[^1]:F3}) -> {path}"));
            return Task.FromResult(0);
        }, parse.InvocationConfiguration.Error));
        root.Subcommands.Add(tinyWorld);
        return root;
    }
}
