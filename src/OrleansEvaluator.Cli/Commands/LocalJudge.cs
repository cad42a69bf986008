using Microsoft.Extensions.Logging;
using OrleansEvaluator.Core.Prompts;
using OrleansEvaluator.Generation;
using OrleansEvaluator.Inference.Configuration;
using OrleansEvaluator.Inference.Grammars;
using OrleansEvaluator.Inference.Llama;

namespace OrleansEvaluator.Cli.Commands;

/// <summary>
/// A judge model on a local <see cref="LlamaEngine"/>: renders the judge prompt and samples K votes of it as one forked
/// request. Callers on any thread share it; the engine batches their requests.
/// </summary>
internal sealed class LocalJudge : IAsyncDisposable
{
    private const string ModelId = "judge";
    private readonly LlamaEngine _engine;
    private readonly ILoggerFactory _loggers;
    private readonly string? _grammar;

    private LocalJudge(LlamaEngine engine, ILoggerFactory loggers, JudgeSettings settings, JudgePrompt prompt)
    {
        _engine = engine;
        _loggers = loggers;
        Settings = settings;
        Prompt = prompt;
        _grammar = settings.Grammar ? VerdictGrammar.ForMaxTokens(settings.MaxTokens) : null;
    }

    public JudgeSettings Settings { get; }

    public JudgePrompt Prompt { get; }

    /// <summary>The judge's name in evaluation rows: its file name.</summary>
    public string ModelName => Path.GetFileName(Settings.ModelPath);

    public static async Task<LocalJudge> OpenAsync(JudgeSettings settings, CancellationToken cancellationToken)
    {
        // The template is checked before the model loads, so a typo in it fails in milliseconds.
        var prompt = settings.PromptTemplate is null ? PromptCache.Judge(PromptSets.JudgeText(settings.PromptSet)) : JudgePrompt.Load(settings.PromptTemplate);
        var loggers = CommonOptions.Loggers(settings.Verbose);
        var engine = LlamaEngine.Create(new LlamaEngineOptions
        {
            Threads = settings.Threads,
            ContextSize = settings.Context,
            BatchSize = Math.Min(512, settings.Context),
            // Votes of one request are decoded together, so the engine must hold at least that many sequences.
            MaxSequences = Math.Clamp(settings.Votes, 64, LlamaEngineOptions.SequenceLimit),
            ChatTemplateFallback = PromptSets.ChatTemplateFallback(settings.PromptSet) ?? new LlamaEngineOptions().ChatTemplateFallback,
        }, loggers);
        try
        {
            await engine.LoadAsync(ModelId, settings.ModelPath, cancellationToken);
        }
        catch
        {
            await engine.DisposeAsync();
            loggers.Dispose();
            throw;
        }
        return new LocalJudge(engine, loggers, settings, prompt);
    }

    /// <summary>The request judging <paramref name="answerA"/> against <paramref name="answerB"/>; vote i samples with seed + i.</summary>
    public GenerationRequest Request(string instruction, string answerA, string answerB, uint seed)
    {
        var request = new GenerationRequest
        {
            Model = ModelId, Messages = Prompt.Format(instruction, answerA, answerB), Samples = Settings.Votes, MaxTokens = Settings.MaxTokens,
            Temperature = Settings.Temperature, Seed = seed, Grammar = _grammar,
        };
        request.EnsureValid();
        return request;
    }

    /// <summary>
    /// Samples the votes. An <see cref="ArgumentException"/> means the model cannot read this text (characters outside its
    /// vocabulary, longer than the context); the request itself was checked by <see cref="Request"/>.
    /// </summary>
    public Task<GenerationResult> JudgeAsync(GenerationRequest request, CancellationToken cancellationToken) =>
        _engine.GenerateAsync(request, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _engine.DisposeAsync();
        _loggers.Dispose();
    }
}
