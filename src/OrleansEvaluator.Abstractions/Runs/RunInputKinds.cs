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

    /// <summary>A template file for answering (replaces the set's).</summary>
    public const string AnswerTemplate = "answer-template";

    /// <summary>A template file for modified instructions (replaces the set's).</summary>
    public const string ModifyTemplate = "modify-template";

    /// <summary>A template file for judging (replaces the set's).</summary>
    public const string JudgeTemplate = "judge-template";

    /// <summary>SFT JSONL mixed into every iteration's training set (the seed's own data).</summary>
    public const string Replay = "replay";
}
