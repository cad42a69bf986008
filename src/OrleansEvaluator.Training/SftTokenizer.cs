using System.Text;
using LLama;
using LLama.Common;
using OrleansEvaluator.Inference.Gguf;

namespace OrleansEvaluator.Training;

/// <summary>
/// The base model's own tokenizer (vocabulary only, no weights), guarded: text the vocabulary cannot encode is an
/// ArgumentException naming the character, never a process abort in llama.cpp.
/// </summary>
public sealed class SftTokenizer : IDisposable
{
    private readonly LLamaWeights _vocabulary;
    private readonly VocabularyGuard _guard;

    public SftTokenizer(string modelPath)
    {
        _guard = VocabularyGuard.From(GgufHeader.Read(modelPath));
        Native.GgmlLibrary.EnsureLoaded();
        _vocabulary = LLamaWeights.LoadFromFile(new ModelParams(modelPath) { VocabOnly = true, GpuLayerCount = 0 });
        EndToken = _vocabulary.Vocab.EOS is { } eos ? (int)eos : throw new InvalidDataException($"{modelPath}: the vocabulary has no end-of-sequence token.");
    }

    /// <summary>The end-of-sequence token, appended after every target.</summary>
    public int EndToken { get; }

    /// <summary>Tokens of <paramref name="text"/>, with the beginning-of-sequence token when asked and the vocabulary wants one.</summary>
    public int[] Tokenize(string text, bool addBos)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_guard.FindUnencodable(text) is { } problem)
            throw new ArgumentException(problem);
        return _vocabulary.Tokenize(text, addBos && _vocabulary.Vocab.ShouldAddBOS, special: false, Encoding.UTF8).Select(t => (int)t).ToArray();
    }

    public void Dispose() => _vocabulary.Dispose();
}
