using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace OrleansEvaluator.Core.Prompts;

/// <summary>
/// Block fences for untrusted text. A block is <c>&lt;&lt;&lt;BEGIN LABEL tag&gt;&gt;&gt;</c>, a newline, the content,
/// a newline and <c>&lt;&lt;&lt;END LABEL tag&gt;&gt;&gt;</c>. The tag is 12 hex digits hashed from the render's
/// content, and is chosen so that no content contains it: a content can therefore never hold its own end line.
/// </summary>
internal static partial class Fence
{
    public const int TagLength = 12;

    [GeneratedRegex("<<<BEGIN ([A-Z][A-Z0-9 ]*) ([0-9a-f]{12})>>>\n", RegexOptions.CultureInvariant)]
    private static partial Regex BeginLine();

    /// <summary>The block label of a placeholder: <c>answer_a</c> is <c>ANSWER A</c>.</summary>
    public static string Label(string placeholder) => placeholder.ToUpperInvariant().Replace('_', ' ');

    /// <summary>
    /// A deterministic tag: the first 12 hex digits of SHA-256 over <paramref name="seed"/> (and a counter), taking
    /// the first candidate that occurs in none of <paramref name="avoid"/>.
    /// </summary>
    public static string Tag(IReadOnlyList<string> seed, IReadOnlyList<string> avoid)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            AppendField(hash, attempt.ToString(CultureInfo.InvariantCulture));
            foreach (var part in seed)
                AppendField(hash, part);
            var tag = Convert.ToHexStringLower(hash.GetHashAndReset())[..TagLength];
            if (!avoid.Any(text => text.Contains(tag, StringComparison.Ordinal)))
                return tag;
        }
    }

    /// <summary>Hashes a length-prefixed field as UTF-16, so distinct sequences of strings never share an input.</summary>
    public static void AppendField(IncrementalHash hash, string value)
    {
        hash.AppendData(BitConverter.GetBytes(value.Length));
        hash.AppendData(MemoryMarshal.AsBytes(value.AsSpan()));
    }

    public static string Wrap(string label, string tag, string content) =>
        $"<<<BEGIN {label} {tag}>>>\n{content}\n<<<END {label} {tag}>>>";

    /// <summary>Reads the blocks of rendered text in order; null when a block is not closed.</summary>
    public static IReadOnlyList<FencedBlock>? ReadBlocks(string text)
    {
        var blocks = new List<FencedBlock>();
        var pos = 0;
        while (BeginLine().Match(text, pos) is { Success: true } begin)
        {
            var label = begin.Groups[1].Value;
            var tag = begin.Groups[2].Value;
            var start = begin.Index + begin.Length;
            var endLine = $"\n<<<END {label} {tag}>>>";
            var end = text.IndexOf(endLine, start, StringComparison.Ordinal);
            if (end < 0)
                return null;
            blocks.Add(new FencedBlock(label, tag, text[start..end]));
            pos = end + endLine.Length;
        }
        return blocks;
    }
}
