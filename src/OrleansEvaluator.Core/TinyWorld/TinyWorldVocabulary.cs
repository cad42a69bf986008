using OrleansEvaluator.Core.Parsing;
using OrleansEvaluator.Core.Prompts;

namespace OrleansEvaluator.Core.TinyWorld;

/// <summary>
/// Every word the world and its templates can emit, for building a vocabulary with one SentencePiece piece per word.
/// A word is a maximal run of non-whitespace characters, so covering a text means covering each of its words.
/// </summary>
/// <remarks>
/// Includes the lexicon words in use, the numbers 0 to <see cref="TinyWorldRules.MaxNumber"/>, the instruction words,
/// the words of the parser markers (<c>[[MODIFIED</c>, <c>INSTRUCTION]]</c>, <c>[[RESPONSE]]</c>, <c>[[END]]</c>,
/// <c>[[A]]</c>, <c>[[B]]</c>) and every literal word of the given templates. It does not cover fence lines: a fenced
/// template's tag is fresh hex for every render.
/// </remarks>
public sealed class TinyWorldVocabulary
{
    private readonly HashSet<string> _words;

    /// <summary>The vocabulary of <paramref name="rules"/> rendered through <paramref name="templates"/>.</summary>
    public TinyWorldVocabulary(TinyWorldRules rules, IEnumerable<PromptTemplate> templates)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(templates);
        var words = new HashSet<string>(StringComparer.Ordinal);
        words.UnionWith(TinyWorldLexicon.InstructionWords);
        words.UnionWith(rules.Categories);
        words.UnionWith(rules.Categories.SelectMany(rules.MembersOf));
        words.UnionWith(Enumerable.Range(0, rules.MaxNumber + 1).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        foreach (var marker in new[]
                 {
                     ModifiedInstructionParser.InstructionMarker, ModifiedInstructionParser.ResponseMarker,
                     ModifiedInstructionParser.EndMarker, VerdictParser.MarkerA, VerdictParser.MarkerB,
                 })
            words.UnionWith(Split(marker));
        foreach (var template in templates)
        {
            words.UnionWith(Split(WithoutPlaceholders(template.UserText)));
            if (template.SystemText is { } system)
                words.UnionWith(Split(WithoutPlaceholders(system)));
        }
        _words = words;
        Words = [.. words.Order(StringComparer.Ordinal)];
    }

    /// <summary>The words, sorted ordinally.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>True when <paramref name="word"/> is in the vocabulary.</summary>
    public bool Contains(string word) => _words.Contains(word);

    /// <summary>The words of <paramref name="text"/> the vocabulary lacks, in order of appearance; empty when it covers the text.</summary>
    public IReadOnlyList<string> Uncovered(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. Split(text).Where(w => !_words.Contains(w)).Distinct(StringComparer.Ordinal)];
    }

    private static string[] Split(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    // A placeholder ends the word before it and starts the next one, as the rendered value is spaced apart only by the
    // template's own spaces: a template writing "x{{a}}" would glue words, which Uncovered then reports.
    private static string WithoutPlaceholders(string text)
    {
        var result = new System.Text.StringBuilder();
        var pos = 0;
        foreach (var token in PlaceholderSyntax.Scan(text))
        {
            result.Append(text, pos, token.Start - pos).Append(' ');
            pos = token.Start + token.Length;
        }
        return result.Append(text, pos, text.Length - pos).ToString();
    }
}
