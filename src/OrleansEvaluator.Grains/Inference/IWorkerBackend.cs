using OrleansEvaluator.Generation;

namespace OrleansEvaluator.Grains.Inference;

/// <summary>
/// What a worker silo generates with: its <see cref="SiloModelHost"/> (the llama.cpp engine), or a fixed-latency
/// simulator that measures orchestration without the CPU cost of a model.
/// </summary>
public interface IWorkerBackend
{
    /// <summary>Generates with a model from the silo's catalog.</summary>
    Task<GenerationResult> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken);

    /// <summary>Generates with a published model version.</summary>
    Task<GenerationResult> GenerateAsync(ModelVersion model, GenerationRequest request, CancellationToken cancellationToken);

    /// <summary>Ids of the models loaded on this silo.</summary>
    IReadOnlyList<string> LoadedModels { get; }
}
