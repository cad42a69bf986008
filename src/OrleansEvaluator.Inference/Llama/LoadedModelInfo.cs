namespace OrleansEvaluator.Inference.Llama;

/// <summary>What the engine reports about a loaded model.</summary>
/// <param name="Id">The id requests use.</param>
/// <param name="Path">The GGUF file.</param>
/// <param name="Architecture">general.architecture.</param>
/// <param name="ParameterCount">Parameters, as llama.cpp counts them.</param>
/// <param name="ContextSize">KV cells shared by its sequences.</param>
/// <param name="MaxSequences">Sequences decoded at once.</param>
/// <param name="ChatTemplate">Where its chat template comes from: <c>gguf</c>, <c>declared:NAME</c> (its metadata names a format) or <c>fallback:NAME</c>.</param>
/// <param name="Memory">Memory it holds.</param>
/// <param name="InFlightRequests">Requests queued or decoding now.</param>
/// <param name="Draining">True once it is being unloaded: it takes no new requests.</param>
public sealed record LoadedModelInfo(
    string Id, string Path, string Architecture, long ParameterCount, int ContextSize, int MaxSequences,
    string ChatTemplate, ModelMemoryUsage Memory, int InFlightRequests, bool Draining);
