using OrleansEvaluator.Generation;
using OrleansEvaluator.Runs;

namespace OrleansEvaluator.Grains.Pipeline;

/// <summary>Generation requests from a stage's <see cref="SamplingSettings"/>: one place maps every setting onto the request.</summary>
public static class SamplingRequests
{
    /// <summary>A request of <paramref name="model"/> for <paramref name="messages"/> with these settings.</summary>
    /// <param name="settings">Samples, temperature, top-p, token limit and isolation.</param>
    /// <param name="model">The model's content id.</param>
    /// <param name="messages">The rendered prompt.</param>
    /// <param name="seed">The request's sampler seed (<see cref="Seeds.For"/>).</param>
    /// <param name="grammar">The task's grammar when <see cref="SamplingSettings.Grammar"/> asks for one.</param>
    public static GenerationRequest Request(this SamplingSettings settings, string model, IReadOnlyList<ChatMessage> messages, uint seed,
        Func<int, string>? grammar = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new GenerationRequest
        {
            Model = model, Messages = messages, MaxTokens = settings.MaxTokens, Samples = settings.Samples, Temperature = settings.Temperature,
            TopP = settings.TopP, Isolated = settings.Isolated, Seed = seed,
            Grammar = settings.Grammar && grammar is not null ? grammar(settings.MaxTokens) : null,
        };
    }
}
