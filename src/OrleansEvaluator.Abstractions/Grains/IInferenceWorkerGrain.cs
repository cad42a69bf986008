using OrleansEvaluator.Generation;

namespace OrleansEvaluator.Grains;

/// <summary>
/// Generation on a silo of role <c>worker</c>: requests are handed to that silo's engine, which batches every
/// in-flight request of a model into one decode loop. Activations never hold native handles.
/// </summary>
public interface IInferenceWorkerGrain : IGrainWithIntegerKey
{
    /// <summary>Generates with the silo-local engine, loading the model from the silo's catalog on first use.</summary>
    Task<GenerationResult> GenerateAsync(GenerationRequest request);

    /// <summary>
    /// Generates with a published model version (its request <c>Model</c> is ignored). The silo loads the version on
    /// first use, after checking the file's hash, and unloads older versions of the same name once their in-flight
    /// requests finish: this is how workers hot-swap to a new judge.
    /// </summary>
    Task<GenerationResult> GenerateWithAsync(ModelVersion model, GenerationRequest request);

    /// <summary>Where this activation runs and what its silo has loaded.</summary>
    Task<WorkerDescription> DescribeAsync();
}
