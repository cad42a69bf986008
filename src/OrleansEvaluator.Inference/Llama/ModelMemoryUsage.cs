namespace OrleansEvaluator.Inference.Llama;

/// <summary>Memory held by one loaded model.</summary>
/// <param name="WeightsBytes">Tensor data of the model.</param>
/// <param name="KvCacheBytes">The KV cache of its context (all cells, F16 keys and values).</param>
/// <param name="ResidentDeltaBytes">Growth of the process's resident set while it loaded (weights, context, buffers).</param>
public sealed record ModelMemoryUsage(long WeightsBytes, long KvCacheBytes, long ResidentDeltaBytes);
