using OrleansEvaluator.Core.TinyWorld;

namespace OrleansEvaluator.Training.TinyWorld;

/// <summary>How the TinyWorld seed model is made: the world, the model's shape, and the language-model training.</summary>
public sealed record TinyWorldSeedOptions
{
    /// <summary>The world whose answering and modification examples the seed learns (never judgments).</summary>
    public TinyWorldOptions World { get; init; } = new();

    /// <summary>The model: about 1 M parameters by default (the prototype's shape).</summary>
    public LlamaShape Shape { get; init; } = new() { EmbeddingLength = 128, Layers = 4, Heads = 4, FeedForwardLength = 384, ContextLength = 128 };

    /// <summary>Passes over the examples.</summary>
    public int Epochs { get; init; } = 1;

    /// <summary>Peak learning rate (AdamW, warm-up then cosine decay).</summary>
    public float LearningRate { get; init; } = 2e-3f;

    /// <summary>Warm-up optimizer steps.</summary>
    public int WarmupSteps { get; init; } = 30;

    /// <summary>CPU threads.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Every problem, each naming its field.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = World.Validate().Select(e => "World." + e).Concat(Shape.Validate().Select(e => "Shape." + e)).ToList();
        if (World.AnsweringExamples == 0 && World.ModificationExamples == 0)
            errors.Add("World.AnsweringExamples, World.ModificationExamples: the seed needs at least one example (both are 0).");
        if (Epochs < 1)
            errors.Add($"Epochs: must be at least 1 (got {Epochs}).");
        if (!(LearningRate > 0))
            errors.Add($"LearningRate: must be positive (got {LearningRate}).");
        if (WarmupSteps < 0)
            errors.Add($"WarmupSteps: must not be negative (got {WarmupSteps}).");
        if (Threads < 1)
            errors.Add($"Threads: must be at least 1 (got {Threads}).");
        return errors;
    }
}
