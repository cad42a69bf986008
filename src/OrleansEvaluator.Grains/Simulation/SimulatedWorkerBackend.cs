using Microsoft.Extensions.Options;
using OrleansEvaluator.Core.Parsing;
using OrleansEvaluator.Generation;
using OrleansEvaluator.Grains.Inference;
using OrleansEvaluator.Grains.Pipeline;

namespace OrleansEvaluator.Grains.Simulation;

/// <summary>
/// A worker backend with a fixed latency and a fixed number of slots instead of a model, for measuring the
/// orchestration (placement, fan-out, retries, persistence) apart from the CPU. Its outputs parse: answers are
/// short texts, pair requests get the marker layout, and judgments end in a verdict drawn from the request's seed.
/// </summary>
public sealed class SimulatedWorkerBackend(IOptions<SimulatedWorkerOptions> options) : IWorkerBackend, IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.Value.Capacity, options.Value.Capacity);
    private readonly HashSet<string> _models = new(StringComparer.Ordinal);

    public IReadOnlyList<string> LoadedModels
    {
        get
        {
            lock (_models)
                return _models.Order(StringComparer.Ordinal).ToArray();
        }
    }

    public Task<GenerationResult> GenerateAsync(ModelVersion model, GenerationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        return GenerateAsync(request with { Model = model.ContentId }, cancellationToken);
    }

    public async Task<GenerationResult> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.EnsureValid();
        lock (_models)
            _models.Add(request.Model);
        await _slots.WaitAsync(cancellationToken);
        try
        {
            await Task.Delay(options.Value.Latency, cancellationToken);
        }
        finally
        {
            _slots.Release();
        }
        var samples = Enumerable.Range(0, request.Samples).Select(i => new GeneratedSample(i, Text(request, i), FinishReason.EndOfSequence, [])).ToArray();
        var prompt = request.Prompt ?? string.Join("\n", request.Messages!.Select(m => m.Content));
        return new GenerationResult(request.Model, samples, new TokenUsage(prompt.Length / 4, 0, samples.Sum(s => s.Text.Length / 4)))
        {
            PromptText = prompt,
        };
    }

    private static string Text(GenerationRequest request, int index)
    {
        var grammar = request.Grammar ?? "";
        if (grammar.Contains(ModifiedInstructionParser.InstructionMarker, StringComparison.Ordinal))
        {
            return $"{ModifiedInstructionParser.InstructionMarker}\nsimulated instruction {request.Seed}\n{ModifiedInstructionParser.ResponseMarker}\n" +
                $"simulated response {request.Seed}\n{ModifiedInstructionParser.EndMarker}";
        }
        if (grammar.Contains("[[\" (\"A\" | \"B\") \"]]", StringComparison.Ordinal))
            return Seeds.For(request.Seed, $"sample {index}") % 2 == 0 ? "simulated reasoning [[A]]" : "simulated reasoning [[B]]";
        return $"simulated answer {request.Seed + (uint)index}";
    }

    public void Dispose() => _slots.Dispose();
}
