using System.Text.RegularExpressions;

namespace OrleansEvaluator.Core.Prompts;

/// <summary>
/// The rule for untrusted text (instructions, responses, anything a template placeholder receives).
/// </summary>
/// <remarks>
/// <para>
/// Every marker a parser in this project looks for in generated text has the shape <c>[[WORDS]]</c>: the verdicts
/// <c>[[A]]</c>, <c>[[B]]</c> and <c>[[C]]</c>, and the modified-instruction markers such as <c>[[RESPONSE]]</c>.
/// <see cref="Neutralize"/> breaks every such shape (two opening brackets, a letter, up to 39 more letters, spaces or
/// underscores, two closing brackets, in any case) apart with spaces: <c>[[A]]</c> becomes <c>[ [A] ]</c>. The judge
/// still reads what the text says, but no marker survives, so a verdict parser run on a rendered prompt finds only
/// the markers the trusted template itself writes. Other brackets (<c>[[1, 2]]</c>, <c>[[ -f x ]]</c>) are left alone.
/// </para>
/// <para>
/// Neutralized text is then fenced (see <see cref="PromptTemplate.Render"/>) by lines that carry a tag the text does
/// not contain, so it cannot close its block, open another or fake a role: role markers such as
/// <c>&lt;|im_start|&gt;</c> stay plain text inside the block (the inference layer also tokenizes special-token text
/// in message contents as plain text).
/// </para>
/// </remarks>
public static partial class UntrustedText
{
    [GeneratedRegex(@"\[\[([A-Za-z][A-Za-z _]{0,39})\]\]", RegexOptions.CultureInvariant)]
    private static partial Regex OwnedMarker();

    /// <summary>Returns <paramref name="text"/> with every owned marker shape broken apart; idempotent.</summary>
    public static string Neutralize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return OwnedMarker().Replace(text, "[ [$1] ]");
    }

    /// <summary>
    /// <paramref name="text"/> as an unfenced template shows it: neutralized, every whitespace run made one space.
    /// </summary>
    public static string Inline(string text) =>
        string.Join(' ', Neutralize(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>True when <paramref name="text"/> holds a marker shape that <see cref="Neutralize"/> would break.</summary>
    public static bool ContainsMarker(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return OwnedMarker().IsMatch(text);
    }
}
