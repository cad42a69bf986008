namespace OrleansEvaluator.Core.Runs;

/// <summary>
/// Everything a run needs, as one JSON or YAML file: models, instruction source, judging, rejection sampling, training,
/// iterations, benchmarks and the seed from which every random choice derives.
/// </summary>
public sealed record RunConfig
{
    public string Name { get; init; } = "run";
    public ulong Seed { get; init; }
    public int Iterations { get; init; } = 3;
    public int Shards { get; init; } = 8;

    /// <summary>
    /// Every generation decodes alone, so the same inputs, config and seed give the same artifacts whatever the
    /// cluster does (and a retried chunk gives what the lost one would have). Off: requests share decode steps,
    /// several times faster, and outputs may differ in rare tokens between runs.
    /// </summary>
    public bool Reproducible { get; init; } = true;
    public required RunModels Models { get; init; }
    public required RunInstructions Instructions { get; init; }
    public RunPrompts Prompts { get; init; } = new();
    public RunSynthesis Synthesis { get; init; } = new();
    public RunJudging Judging { get; init; } = new();
    public RunSampling Sampling { get; init; } = new();
    public RunTraining Training { get; init; } = new();
    public IReadOnlyList<string> Benchmarks { get; init; } = [];
    public RunEvaluation Evaluation { get; init; } = new();
}

/// <summary>The prompt templates: a built-in set, and files that replace single tasks of it.</summary>
public sealed record RunPrompts
{
    /// <summary><c>default</c> (for chat models) or <c>tinyworld</c> (compact, for the built-in world).</summary>
    public string Set { get; init; } = "default";

    /// <summary>A template file for answering instructions (placeholder <c>instruction</c>).</summary>
    public string? Answer { get; init; }

    /// <summary>A template file for modified instructions (<c>instruction</c>, <c>baseline_answer</c>).</summary>
    public string? Modify { get; init; }

    /// <summary>A template file for judging (<c>instruction</c>, <c>answer_a</c>, <c>answer_b</c>).</summary>
    public string? Judge { get; init; }
}

/// <summary>How pairs are written: the good answer to x, then x′ and its answer.</summary>
public sealed record RunSynthesis
{
    public float Temperature { get; init; } = 0.7f;
    public float TopP { get; init; } = 0.9f;

    /// <summary>
    /// Temperature of the modified instruction and its answer, when it should differ from <see cref="Temperature"/>
    /// (a greedy good answer with a sampled modification keeps both labels right more often); null: the same.
    /// </summary>
    public float? ModifyTemperature { get; init; }

    /// <summary>The temperature the modification is sampled at: <see cref="ModifyTemperature"/>, else <see cref="Temperature"/>.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public float EffectiveModifyTemperature => ModifyTemperature ?? Temperature;

    /// <summary>
    /// Modified instructions sampled per instruction, each one pair with the same good answer (one decode, forked);
    /// repeats of an earlier sample are dropped and counted. More than one needs a modification temperature above 0.
    /// </summary>
    public int PairsPerInstruction { get; init; } = 1;

    /// <summary>Most tokens of the good answer.</summary>
    public int AnswerMaxTokens { get; init; } = 512;

    /// <summary>Most tokens of the modified instruction with its answer.</summary>
    public int ModifyMaxTokens { get; init; } = 768;

    /// <summary>Constrain the modified-instruction output to its marker layout with a grammar.</summary>
    public bool Grammar { get; init; } = true;
}

/// <summary>How each iteration's judge is scored on the benchmarks.</summary>
public sealed record RunEvaluation
{
    /// <summary>Judge every item in both orders (position consistency needs it).</summary>
    public bool BothOrders { get; init; } = true;

    /// <summary>Judgments per item and order (greedy when 1 and temperature 0).</summary>
    public int Samples { get; init; } = 1;

    public float Temperature { get; init; }

    /// <summary>Most tokens per judgment; 0 uses <c>judging.max_tokens</c>.</summary>
    public int MaxTokens { get; init; }

    /// <summary>At most this many items per benchmark (a seeded choice); 0 keeps all.</summary>
    public int MaxItems { get; init; }
}

/// <summary>The seed model M0 and, optionally, other ids for generation and the first judge.</summary>
public sealed record RunModels
{
    /// <summary>Path of the seed GGUF (M0).</summary>
    public required string Seed { get; init; }

    /// <summary>Path of the pair generator; null uses the seed.</summary>
    public string? Generator { get; init; }

    /// <summary>Path of the iteration-1 judge; null uses the seed.</summary>
    public string? Judge { get; init; }
}

/// <summary>Where instructions come from and how many are used.</summary>
public sealed record RunInstructions
{
    public required string Path { get; init; }

    /// <summary><c>skip</c> malformed lines (counted) or <c>fail</c> at the first.</summary>
    public string Policy { get; init; } = "skip";

    /// <summary>At most this many instructions after selection; 0 keeps all.</summary>
    public int Max { get; init; }

    /// <summary>Keep only instructions of these source categories; empty keeps all.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];
}

/// <summary>How the judge samples.</summary>
public sealed record RunJudging
{
    public int Samples { get; init; } = 15;
    public float Temperature { get; init; } = 0.7f;
    public float TopP { get; init; } = 0.9f;
    public int MaxTokens { get; init; } = 512;

    /// <summary>Judge each pair in both orders (the release's convention) instead of one seeded random order.</summary>
    public bool BothOrders { get; init; }

    /// <summary>Constrain judgments to reasoning plus exactly one verdict with a grammar.</summary>
    public bool Grammar { get; init; } = true;
}

/// <summary>Rejection sampling.</summary>
public sealed record RunSampling
{
    public double? MajorityThreshold { get; init; }
    public bool Balance { get; init; } = true;

    /// <summary>Keep one correct judgment per pair and order (both orders judged: two training prompts per pair).</summary>
    public bool PerOrder { get; init; }
}

/// <summary>Training of each iteration's judge.</summary>
public sealed record RunTraining
{
    public int Epochs { get; init; } = 2;
    public float LearningRate { get; init; } = 1e-3f;
    public int LoraRank { get; init; }
    public int Context { get; init; } = 256;

    /// <summary>
    /// Training windows per optimizer step. A judge learns its verdict only at a real batch (tens of judgments per
    /// step); one window of short judgments holds a handful.
    /// </summary>
    public int Accumulation { get; init; } = 1;

    /// <summary><c>seed</c>: every iteration restarts from M0 (the paper); <c>previous</c>: from M(i−1).</summary>
    public string From { get; init; } = "seed";

    /// <summary>
    /// SFT JSONL of the seed's own training data, mixed into every iteration's training set against forgetting: a judge
    /// trained on the pool's judgments alone forgot how to answer the held-out instructions it judges by answering them.
    /// </summary>
    public string? Replay { get; init; }

    /// <summary>The share of each training set drawn from <see cref="Replay"/>, in [0, 1).</summary>
    public double ReplayFraction { get; init; } = 0.3;

    /// <summary>
    /// Label-free stated-answer exercises added to each iteration's training set (see
    /// <c>StatedAnswerExercises</c>): for a judge that writes its own answer before its verdict, rows that teach the
    /// verdict to name the response equal to that answer. 0 (the default) adds none.
    /// </summary>
    public int Exercises { get; init; }
}
