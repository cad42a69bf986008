using OrleansEvaluator.Core.TinyWorld;

namespace OrleansEvaluator.Core.Tests.TinyWorld;

/// <summary>Shared worlds: building one is cheap, but the example streams are long, so tests ask for few.</summary>
internal static class TinyWorlds
{
    /// <summary>
    /// The full world (20 numbers, every category), larger than the default, so rules show at their widest; no answers
    /// asked after responses (the generator tests that turn them on say so).
    /// </summary>
    public static TinyWorldOptions Options(ulong seed = 7) => new()
    {
        Seed = seed,
        MaxNumber = 20,
        CategoryCount = TinyWorldLexicon.Categories.Count,
        AnsweringExamples = 400,
        ModificationExamples = 400,
        AfterResponsesFraction = 0,
    };

    public static TinyWorldGenerator Generator(ulong seed = 7) => new(Options(seed));

    public static IEnumerable<TinyTask> AllTasks(TinyWorldGenerator generator) =>
        generator.Rules.Families.SelectMany(generator.Rules.All);
}
