using System.Globalization;
using System.Text;

namespace OrleansEvaluator.Inference.Gguf;

/// <summary>
/// Knows which text a model's tokenizer can encode. A SentencePiece vocabulary without byte-fallback tokens
/// makes llama.cpp throw a C++ exception on an unknown character, which aborts the process; so text is checked
/// here first.
/// </summary>
public sealed class VocabularyGuard
{
    private const string SpaceMarker = "\u2581";
    private readonly HashSet<string>? _singleCharTokens;

    private VocabularyGuard(string tokenizerModel, HashSet<string>? singleCharTokens)
    {
        TokenizerModel = tokenizerModel;
        _singleCharTokens = singleCharTokens;
    }

    /// <summary><c>tokenizer.ggml.model</c>: <c>llama</c> (SentencePiece), <c>gpt2</c> (byte-level BPE), …</summary>
    public string TokenizerModel { get; }

    /// <summary>True when any text can be encoded (byte-level BPE, or SentencePiece with byte fallback).</summary>
    public bool EncodesAnyText => _singleCharTokens is null;

    /// <summary>Builds the guard from a GGUF header.</summary>
    public static VocabularyGuard From(GgufHeader header)
    {
        var model = header.GetString("tokenizer.ggml.model") ?? "unknown";
        var tokens = header.GetStringArray("tokenizer.ggml.tokens");
        if (model != "llama" || tokens is null)
            return new VocabularyGuard(model, null);

        var byteTokens = 0;
        var singles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in tokens)
        {
            if (t.Length == 6 && t.StartsWith("<0x", StringComparison.Ordinal) && t[5] == '>')
                byteTokens++;
            else if (t.Length > 0 && t.EnumerateRunes().Count() == 1)
                singles.Add(t);
        }
        return new VocabularyGuard(model, byteTokens >= 256 ? null : singles);
    }

    /// <summary>
    /// Returns null when <paramref name="text"/> can be encoded, else a message naming the first character that
    /// cannot, with its position.
    /// </summary>
    public string? FindUnencodable(string text)
    {
        if (_singleCharTokens is null)
            return null;
        if (text.Length > 0 && !_singleCharTokens.Contains(SpaceMarker))
            return "the vocabulary has no word-boundary token '\u2581'";
        var index = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var s = rune.Value == ' ' ? SpaceMarker : rune.ToString();
            if (!_singleCharTokens.Contains(s))
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"character {Describe(rune)} at index {index} is not in the model's vocabulary (it has no byte-fallback tokens)");
            }
            index += rune.Utf16SequenceLength;
        }
        return null;
    }

    private static string Describe(Rune rune)
    {
        var code = string.Create(CultureInfo.InvariantCulture, $"U+{rune.Value:X4}");
        return Rune.IsControl(rune) || Rune.IsWhiteSpace(rune) ? code : $"'{rune}' ({code})";
    }

    /// <summary>A short description for messages.</summary>
    public override string ToString() => new StringBuilder(TokenizerModel)
        .Append(EncodesAnyText ? ", encodes any text" : $", {_singleCharTokens!.Count} single-character tokens, no byte fallback")
        .ToString();
}
