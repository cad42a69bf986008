using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansEvaluator.Generation;
using OrleansEvaluator.Inference.Configuration;
using OrleansEvaluator.Inference.OpenAi;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the OpenAI-compatible generator.</summary>
public static class OpenAiGeneratorServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="OpenAiChatGenerator"/> as the <see cref="ITextGenerator"/>, on a named HttpClient whose own
    /// timeout is off (each attempt has <see cref="OpenAiGeneratorOptions.AttemptTimeout"/>).
    /// </summary>
    public static IServiceCollection AddOpenAiGenerator(this IServiceCollection services, Action<OpenAiGeneratorOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<OpenAiGeneratorOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OpenAiGeneratorOptions>, OpenAiGeneratorOptionsValidator>());
        services.AddHttpClient(nameof(OpenAiChatGenerator), c => c.Timeout = Timeout.InfiniteTimeSpan);
        services.TryAddSingleton(sp => new OpenAiChatGenerator(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(OpenAiChatGenerator)),
            sp.GetRequiredService<IOptions<OpenAiGeneratorOptions>>(),
            sp.GetService<TimeProvider>(),
            sp.GetService<ILogger<OpenAiChatGenerator>>()));
        services.TryAddSingleton<ITextGenerator>(sp => sp.GetRequiredService<OpenAiChatGenerator>());
        return services;
    }
}
