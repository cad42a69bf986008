using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OrleansEvaluator.Generation;
using OrleansEvaluator.Inference.Configuration;
using OrleansEvaluator.Inference.Llama;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the in-process LLamaSharp engine.</summary>
public static class LlamaEngineServiceCollectionExtensions
{
    /// <summary>
    /// Adds a singleton <see cref="LlamaEngine"/> (also as <see cref="ITextGenerator"/>) with validated
    /// <see cref="LlamaEngineOptions"/>; <see cref="LlamaEngineOptions.ThreadsEnvironmentVariable"/> overrides the thread count.
    /// </summary>
    public static IServiceCollection AddLlamaEngine(this IServiceCollection services, Action<LlamaEngineOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<LlamaEngineOptions>();
        options.Configure(o =>
        {
            if (int.TryParse(Environment.GetEnvironmentVariable(LlamaEngineOptions.ThreadsEnvironmentVariable), out var threads))
                o.Threads = threads;
        });
        if (configure is not null)
            options.Configure(configure);
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LlamaEngineOptions>, LlamaEngineOptionsValidator>());
        services.TryAddSingleton<LlamaEngine>();
        services.TryAddSingleton<ITextGenerator>(sp => sp.GetRequiredService<LlamaEngine>());
        return services;
    }
}
