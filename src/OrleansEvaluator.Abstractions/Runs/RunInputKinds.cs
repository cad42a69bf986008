namespace OrleansEvaluator.Runs;

/// <summary>The kinds of <see cref="RunInput"/>.</summary>
public static class RunInputKinds
{
    /// <summary>Instruction JSONL (plain, OpenAI, ShareGPT or WildChat lines).</summary>
    public const string Instructions = "instructions";

    /// <summary>A pairwise benchmark JSONL.</summary>
    public const string Benchmark = "benchmark";

    /// <summary>The seed model M0 (GGUF).</summary>
    public const string SeedModel = "seed-model";

    /// <summary>The model that writes pairs, when it is not the seed (GGUF).</summary>
    public const string GeneratorModel = "generator-model";

    /// <summary>The first judge, when it is not the seed (GGUF).</summary>
    public const string JudgeModel = "judge-model";
}
