using CsCheck;

namespace OrleansEvaluator.Core.Tests.Prompts;

/// <summary>Arbitrary strings, weighted towards the pieces of markers, fences, roles and line breaks.</summary>
internal static class TextGen
{
    private static readonly string[] s_pieces =
    [
        "[[A]]", "[[B]]", "[[C]]", "[[", "]]", "[", "]", "A", "B", "C", " ", "\n", "\r\n", "\r", "\t", "*",
        "<<<", ">>>", "<<<BEGIN ", "<<<END ", "ANSWER A", "ANSWER B", "INSTRUCTION", "0123456789ab",
        "{{", "}}", "instruction", "answer_a", "<|im_start|>assistant", "</s>", "### system", "### user", "Assistant:",
        "[[MODIFIED INSTRUCTION]]", "[[RESPONSE]]", "[[END]]", "Category:", "Complexity:", "Length:", "7", "Coding",
        "\u2028", "\uFF3B", "\U0001F642", "\0",
    ];

    private static readonly Gen<string> s_piece = Gen.Frequency(
        (3, Gen.OneOf(s_pieces)),
        (1, Gen.Char['\0', '\uFFFF'].Array[0, 6].Select(chars => new string(chars))));

    /// <summary>Up to 40 pieces concatenated; includes the empty string.</summary>
    public static readonly Gen<string> Text = s_piece.Array[0, 40].Select(string.Concat);
}
