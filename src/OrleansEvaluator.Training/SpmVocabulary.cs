using OrleansEvaluator.Inference.Gguf;

namespace OrleansEvaluator.Training;

/// <summary>
/// A SentencePiece-style ("llama") vocabulary made for a known set of words: three control tokens, 256 byte tokens
/// (so any text encodes), the printable ASCII characters, the word-boundary mark, and the prefix chain of every word
/// (<c>▁c</c>, <c>▁ca</c>, <c>▁cat</c>) so that llama.cpp's merges turn each known word into one token.
/// </summary>
public static class SpmVocabulary
{
    private const string Boundary = "\u2581";

    /// <summary>A tokenizer-only GGUF document (metadata, no tensors) to pass to <see cref="LlamaModelFactory.Create"/>.</summary>
    public static GgufDocument Create(IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var tokens = new List<string> { "<unk>", "<s>", "</s>" };
        var types = new List<int> { 2, 3, 3 }; // unknown, control, control
        for (var b = 0; b < 256; b++)
        {
            tokens.Add($"<0x{b:X2}>");
            types.Add(6); // byte
        }
        var seen = new HashSet<string>(tokens, StringComparer.Ordinal);
        void Normal(string piece)
        {
            if (seen.Add(piece))
            {
                tokens.Add(piece);
                types.Add(1);
            }
        }
        Normal(Boundary);
        for (var c = 33; c < 127; c++)
            Normal(((char)c).ToString());
        foreach (var word in words)
        {
            if (string.IsNullOrEmpty(word) || word.Any(char.IsWhiteSpace))
                throw new ArgumentException($"Words: '{word}' must be non-empty and without whitespace.", nameof(words));
            var piece = Boundary + word;
            for (var length = 2; length <= piece.Length; length++)
                Normal(piece[..length]);
        }

        var document = new GgufDocument();
        document.Set("tokenizer.ggml.model", "llama");
        document.Set("tokenizer.ggml.tokens", new GgufValueType(9, 8), tokens.ToArray());
        // Longer pieces score higher, so merges prefer completing a known word.
        document.Set("tokenizer.ggml.scores", new GgufValueType(9, 6), tokens.Select((t, i) => types[i] == 1 ? (float)t.Length : 0f).ToArray());
        document.Set("tokenizer.ggml.token_type", new GgufValueType(9, 5), types.ToArray());
        document.Set("tokenizer.ggml.unknown_token_id", 0u);
        document.Set("tokenizer.ggml.bos_token_id", 1u);
        document.Set("tokenizer.ggml.eos_token_id", 2u);
        document.Set("tokenizer.ggml.add_bos_token", new GgufValueType(7, 0), true);
        document.Set("tokenizer.ggml.add_eos_token", new GgufValueType(7, 0), false);
        return document;
    }
}
