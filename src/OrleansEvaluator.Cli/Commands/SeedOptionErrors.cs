using OrleansEvaluator.Training.TinyWorld;

namespace OrleansEvaluator.Cli.Commands;

/// <summary>A <see cref="TinyWorldSeedOptions"/> problem with its field named as the command line's option.</summary>
internal static class SeedOptionErrors
{
    public static ArgumentException Named(string problem) => new(OptionNames.Rename(problem, OptionOfField) ?? problem);

    private static readonly (string Field, string Option)[] OptionOfField =
    [
        ("World.AnsweringExamples, World.ModificationExamples", "--answering, --modifications"),
        (nameof(TinyWorldSeedOptions.Epochs), "--epochs"), (nameof(TinyWorldSeedOptions.Threads), "--threads"),
    ];
}
