namespace OrleansEvaluator.Generation;

/// <summary>
/// A request for <see cref="Samples"/> completions of one prompt. Give either <see cref="Prompt"/>
/// (raw text, used as is) or <see cref="Messages"/> (rendered with the model's chat template).
/// </summary>
[GenerateSerializer, Immutable, Alias("oeval.GenerationRequest")]
public sealed record GenerationRequest
{
    /// <summary>The id of the model to use, as loaded by the backend.</summary>
    [Id(0)]
    public required string Model { get; init; }

    /// <summary>Raw prompt text. Exclusive with <see cref="Messages"/>.</summary>
    [Id(1)]
    public string? Prompt { get; init; }

    /// <summary>Chat turns, rendered with the model's template. Exclusive with <see cref="Prompt"/>.</summary>
    [Id(2)]
    public IReadOnlyList<ChatMessage>? Messages { get; init; }

    /// <summary>Most new tokens per sample.</summary>
    [Id(3)]
    public int MaxTokens { get; init; } = 256;

    /// <summary>Sampling temperature; 0 means greedy (argmax) decoding.</summary>
    [Id(4)]
    public float Temperature { get; init; }

    /// <summary>Nucleus sampling mass in (0, 1]; 1 disables it.</summary>
    [Id(5)]
    public float TopP { get; init; } = 1f;

    /// <summary>
    /// Seed of the sampler. Sample <c>i</c> uses <c>Seed + i</c>, so sample <c>i</c> of a request equals a
    /// one-sample request with seed <c>Seed + i</c>.
    /// </summary>
    [Id(6)]
    public uint Seed { get; init; }

    /// <summary>Number of completions of the same prompt. The prompt is decoded once and shared.</summary>
    [Id(7)]
    public int Samples { get; init; } = 1;

    /// <summary>Strings that end a sample; the text is cut before the first one found.</summary>
    [Id(8)]
    public IReadOnlyList<string> Stop { get; init; } = [];

    /// <summary>A GBNF grammar that constrains the output, or null.</summary>
    [Id(9)]
    public string? Grammar { get; init; }

    /// <summary>The grammar's start rule.</summary>
    [Id(10)]
    public string GrammarRoot { get; init; } = "root";

    /// <summary>
    /// Decode this request alone, from an empty KV cache, so its samples are the same bytes whatever else the backend
    /// is serving and whichever worker serves it (reproducible runs). Costs throughput: nothing else shares its decode
    /// steps. Without it, where a sequence's cells land in the shared cache depends on its neighbours, which changes
    /// the last bits of attention sums and, now and then, a sampled token.
    /// </summary>
    [Id(11)]
    public bool Isolated { get; init; }

    /// <summary>Upper bounds that keep a request from monopolising a backend.</summary>
    public const int MaxSamplesLimit = 256;

    /// <summary>
    /// Checks the request and returns every problem found, each naming its field; empty when valid.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Model))
            errors.Add("Model: required.");
        if (Prompt is null == Messages is null)
            errors.Add("Prompt/Messages: give exactly one of them.");
        if (Prompt is { Length: 0 })
            errors.Add("Prompt: must not be empty.");
        if (Messages is { Count: 0 })
            errors.Add("Messages: must not be empty.");
        if (Messages is not null)
        {
            for (var i = 0; i < Messages.Count; i++)
            {
                var m = Messages[i];
                if (m is null || string.IsNullOrWhiteSpace(m.Role))
                    errors.Add($"Messages[{i}].Role: required.");
                if (m?.Content is null)
                    errors.Add($"Messages[{i}].Content: required.");
            }
        }
        if (MaxTokens < 1)
            errors.Add($"MaxTokens: must be at least 1 (got {MaxTokens}).");
        if (float.IsNaN(Temperature) || Temperature < 0 || Temperature > 10)
            errors.Add($"Temperature: must be in [0, 10] (got {Temperature}).");
        if (float.IsNaN(TopP) || TopP <= 0 || TopP > 1)
            errors.Add($"TopP: must be in (0, 1] (got {TopP}).");
        if (Samples < 1 || Samples > MaxSamplesLimit)
            errors.Add($"Samples: must be in [1, {MaxSamplesLimit}] (got {Samples}).");
        for (var i = 0; i < Stop.Count; i++)
        {
            if (string.IsNullOrEmpty(Stop[i]))
                errors.Add($"Stop[{i}]: must not be empty.");
        }
        if (Grammar is not null && string.IsNullOrWhiteSpace(Grammar))
            errors.Add("Grammar: must not be blank.");
        if (Grammar is not null && string.IsNullOrWhiteSpace(GrammarRoot))
            errors.Add("GrammarRoot: required with a grammar.");
        return errors;
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem when the request is invalid.</summary>
    public void EnsureValid()
    {
        var errors = Validate();
        if (errors.Count > 0)
            throw new ArgumentException("Invalid generation request: " + string.Join(" ", errors));
    }
}
