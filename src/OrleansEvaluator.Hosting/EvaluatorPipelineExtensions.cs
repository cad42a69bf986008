using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OrleansEvaluator.Grains.Pipeline;
using OrleansEvaluator.Hosting.Pipeline;

namespace Orleans.Hosting;

/// <summary>Silo wiring for runs: coordinator, shards, evaluation, and the model files workers and trainers fetch.</summary>
public static class EvaluatorPipelineExtensions
{
    /// <summary>
    /// Adds what runs need on every silo: pipeline options (validated at start), model files fetched from the
    /// artifact store by content id, and, on coordinator silos with <see cref="PipelineOptions.ResumeRunsOnStart"/>,
    /// resumption of unfinished runs. The silo must also have an artifact store and grain storage.
    /// </summary>
    public static ISiloBuilder AddEvaluatorPipeline(this ISiloBuilder silo, Action<PipelineOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var options = silo.Services.AddOptions<PipelineOptions>().ValidateOnStart();
        if (configure is not null)
            options.Configure(configure);
        silo.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PipelineOptions>, PipelineOptionsValidator>());
        silo.Services.TryAddSingleton<ModelFiles>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, RunResumer>();
        return silo;
    }
}
