using System.Text;
using LLama;
using LLama.Batched;
using LLama.Native;
using OrleansEvaluator.Generation;

namespace OrleansEvaluator.Inference.Llama;

/// <summary>One sample being decoded: its KV sequence, sampler, text so far and the token to feed next.</summary>
internal sealed class SampleSequence(int index, SafeLLamaSamplerChainHandle sampler, LLamaWeights weights) : IDisposable
{
    private readonly StreamingTokenDecoder _decoder = new(Encoding.UTF8, weights);
    private readonly StringBuilder _text = new();
    private readonly List<int> _tokens = [];

    public int Index { get; } = index;

    public Conversation? Conversation { get; set; }

    public LLamaToken? Pending { get; private set; }

    public FinishReason? Finish { get; private set; }

    /// <summary>Samples the next token and records it; returns true when the sample has finished.</summary>
    public bool Step(GenerationRequest request, SafeLlamaModelHandle.Vocabulary vocab)
    {
        var token = Conversation!.Sample(sampler);
        Pending = null;
        if (token.IsEndOfGeneration(vocab))
        {
            Finish = FinishReason.EndOfSequence;
            return true;
        }
        _tokens.Add((int)token);
        var searchFrom = _text.Length;
        _decoder.Add(token);
        _text.Append(_decoder.Read());
        if (request.Stop.Count > 0)
        {
            var text = _text.ToString();
            var at = StopStringMatcher.Find(text, request.Stop, searchFrom);
            if (at >= 0)
            {
                _text.Length = at;
                Finish = FinishReason.StopString;
                return true;
            }
        }
        if (_tokens.Count >= request.MaxTokens)
        {
            Finish = FinishReason.Length;
            return true;
        }
        Pending = token;
        return false;
    }

    public GeneratedSample ToResult() => new(Index, _text.ToString(), Finish ?? FinishReason.Length, _tokens.ToArray());

    public void Dispose()
    {
        Conversation?.Dispose();
        Conversation = null;
        sampler.Dispose();
    }
}
