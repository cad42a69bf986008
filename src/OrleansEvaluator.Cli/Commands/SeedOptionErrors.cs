using OrleansEvaluator.Training.TinyWorld;

namespace OrleansEvaluator.Cli.Commands;

/// <summary>A <see cref="TinyWorldSeedOptions"/> problem with its field named as the command line's option.</summary>
internal static class SeedOptionErrors
{
    public static ArgumentException Named(string problem) => new(problem
        .Replace("World.AnsweringExamples, World.ModificationExamples:", "--answering, --modifications:", StringComparison.Ordinal)
        .Replace("Epochs:", "--epochs:", StringComparison.Ordinal)
        .Replace("Threads:", "--threads:", StringComparison.Ordinal));
}
