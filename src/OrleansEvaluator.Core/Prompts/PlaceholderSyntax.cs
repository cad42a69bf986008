using System.Text.RegularExpressions;

namespace OrleansEvaluator.Core.Prompts;

/// <summary>
/// Finds placeholders in template text. A placeholder is <c>{{name}}</c> with a name of lower-case letters, digits and
/// underscores that starts with a letter. Any other text that opens with <c>{{</c> (unclosed on its line, spaces,
/// capitals) is a malformed placeholder, so a typo never passes silently as literal text.
/// </summary>
internal static partial class PlaceholderSyntax
{
    [GeneratedRegex("^[a-z][a-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ValidName();

    public static bool IsValidName(string name) => ValidName().IsMatch(name);

    public static IEnumerable<PlaceholderToken> Scan(string text)
    {
        var pos = 0;
        while (pos < text.Length)
        {
            var open = text.IndexOf("{{", pos, StringComparison.Ordinal);
            if (open < 0)
                yield break;
            var close = text.IndexOf("}}", open + 2, StringComparison.Ordinal);
            var newline = text.IndexOf('\n', open + 2);
            if (close < 0 || (newline >= 0 && newline < close))
            {
                var end = newline < 0 ? text.Length : newline;
                yield return new PlaceholderToken(open, end - open, text[(open + 2)..end], IsValid: false);
                pos = end;
                continue;
            }
            var name = text[(open + 2)..close];
            yield return new PlaceholderToken(open, close + 2 - open, name, IsValidName(name));
            pos = close + 2;
        }
    }
}
