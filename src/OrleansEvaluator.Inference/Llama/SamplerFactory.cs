using LLama;
using LLama.Native;
using OrleansEvaluator.Generation;

namespace OrleansEvaluator.Inference.Llama;

/// <summary>Builds the native sampler chain of one sample: grammar first, then top-p, temperature and a seeded draw, or argmax.</summary>
internal static class SamplerFactory
{
    public static SafeLLamaSamplerChainHandle Create(LLamaWeights weights, GenerationRequest request, int sampleIndex)
    {
        var chain = SafeLLamaSamplerChainHandle.Create(LLamaSamplerChainParams.Default());
        try
        {
            if (request.Grammar is { } grammar)
            {
                try
                {
                    chain.AddGrammar(weights.NativeHandle, grammar, request.GrammarRoot);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    throw new ArgumentException($"Grammar: llama.cpp could not parse it ({e.Message}).", e);
                }
            }
            if (request.Temperature == 0)
            {
                chain.AddGreedySampler();
            }
            else
            {
                if (request.TopP < 1)
                    chain.AddTopP(request.TopP, 1);
                chain.AddTemperature(request.Temperature);
                chain.AddDistributionSampler(unchecked(request.Seed + (uint)sampleIndex));
            }
            return chain;
        }
        catch
        {
            chain.Dispose();
            throw;
        }
    }
}
