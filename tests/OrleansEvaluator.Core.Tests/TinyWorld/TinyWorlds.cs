using OrleansEvaluator.Core.TinyWorld;

namespace OrleansEvaluator.Core.Tests.TinyWorld;

/// <summary>Shared worlds: building one is cheap, but the example streams are long, so tests ask for few.</summary>
internal static class TinyWorlds
{
    public static TinyWorldOptions Options(ulong seed = 7) => new()
    {
        Seed = seed,
        AnsweringExamples = 400,
        ModificationExamples = 400,
    };

    public static TinyWorldGenerator Generator(ulong seed = 7) => new(Options(seed));

    public static IEnumerable<TinyTask> AllTasks(TinyWorldGenerator generator) =>
        generator.Rules.Families.SelectMany(generator.Rules.All);
}
