using LLama.Batched;
using LLama.Native;
using OrleansEvaluator.Generation;

namespace OrleansEvaluator.Inference.Llama;

/// <summary>A request inside the scheduler: queued, prefilling its prompt, or generating its samples.</summary>
internal sealed class PendingRequest(GenerationRequest request, LLamaToken[] prompt, string promptText, SampleSequence[] samples) : IDisposable
{
    private int _cancelRequested;

    public GenerationRequest Request { get; } = request;

    public LLamaToken[] Prompt { get; } = prompt;

    public SampleSequence[] Samples { get; } = samples;

    /// <summary>KV cells this request may occupy: its prompt once plus every sample's new tokens.</summary>
    public int Cells => Prompt.Length + Samples.Length * Request.MaxTokens;

    public TaskCompletionSource<GenerationResult> Completion { get; } =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    public CancellationToken CancellationToken { get; init; }

    public bool CancelRequested => Volatile.Read(ref _cancelRequested) != 0;

    public Conversation? Root { get; set; }

    /// <summary>Prompt tokens handed to the executor so far.</summary>
    public int Prefilled { get; set; }

    public bool Generating { get; set; }

    public void RequestCancel() => Interlocked.Exchange(ref _cancelRequested, 1);

    public bool AllFinished => Samples.All(s => s.Finish is not null);

    public GenerationResult ToResult(string model)
    {
        var results = Samples.Select(s => s.ToResult()).ToArray();
        var usage = new TokenUsage(Prompt.Length, Prompt.Length * (Samples.Length - 1), results.Sum(r => r.TokenIds.Count));
        return new GenerationResult(model, results, usage) { PromptText = promptText };
    }

    public void Dispose()
    {
        foreach (var s in Samples)
            s.Dispose();
        if (Root is { IsDisposed: false } root && Samples.All(s => !ReferenceEquals(s.Conversation, root)))
            root.Dispose();
        Root = null;
    }
}
