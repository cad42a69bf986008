using System.Globalization;

namespace OrleansEvaluator.Core.Parsing;

/// <summary>
/// Reads <c>Category:</c>, <c>Complexity:</c> and <c>Length:</c> lines from generated categorizer text. Never throws.
/// </summary>
/// <remarks>
/// Field names are matched ignoring case, on lines that may carry markdown (<c>**Category:** Coding</c>,
/// <c>- Length: 3</c>); other lines are ignored. The category must be one of the fixed list (see
/// <see cref="InstructionCategories.TryParse"/>), with an optional trailing <c>(…)</c> remark. Complexity is a whole
/// number from 1 to 10 (<c>7</c>, <c>7/10</c>); length is 1 to 5 or a step name (<c>one paragraph</c>).
/// </remarks>
public static class CategoryParser
{
    private static readonly string[] s_fields = ["category", "complexity", "length"];

    private static readonly Dictionary<string, AnswerLength> s_lengthNames = new(StringComparer.Ordinal)
    {
        [InstructionCategories.Key("one sentence")] = AnswerLength.OneSentence,
        [InstructionCategories.Key("a few sentences")] = AnswerLength.FewSentences,
        [InstructionCategories.Key("few sentences")] = AnswerLength.FewSentences,
        [InstructionCategories.Key("one paragraph")] = AnswerLength.OneParagraph,
        [InstructionCategories.Key("two paragraphs")] = AnswerLength.TwoParagraphs,
        [InstructionCategories.Key("three or more paragraphs")] = AnswerLength.ThreeOrMoreParagraphs,
    };

    /// <summary>Parses <paramref name="generated"/>.</summary>
    public static CategoryParse Parse(string generated)
    {
        ArgumentNullException.ThrowIfNull(generated);
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in generated.ReplaceLineEndings("\n").Split('\n'))
        {
            var cleaned = line.Replace("*", "", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal)
                .Trim().TrimStart('-', '#', '>', ' ', '\t');
            var colon = cleaned.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
                continue;
            var key = cleaned[..colon].Trim();
            if (!s_fields.Contains(key, StringComparer.OrdinalIgnoreCase))
                continue;
            var value = cleaned[(colon + 1)..].Trim().TrimEnd('.', ' ').Trim('"', '\'');
            if (fields.TryGetValue(key, out var previous) && InstructionCategories.Key(previous) != InstructionCategories.Key(value))
                return Fail(CategoryFailure.ConflictingFields, generated);
            fields[key] = value;
        }

        if (!fields.TryGetValue("category", out var categoryText))
            return Fail(CategoryFailure.MissingCategory, generated);
        var remark = categoryText.IndexOf('(', StringComparison.Ordinal);
        if (!InstructionCategories.TryParse(remark > 0 ? categoryText[..remark] : categoryText, out var category))
            return Fail(CategoryFailure.UnknownCategory, generated);
        if (!fields.TryGetValue("complexity", out var complexityText))
            return Fail(CategoryFailure.MissingComplexity, generated);
        var complexity = LeadingNumber(complexityText);
        if (complexity is not (>= 1 and <= 10))
            return Fail(CategoryFailure.InvalidComplexity, generated);
        if (!fields.TryGetValue("length", out var lengthText))
            return Fail(CategoryFailure.MissingLength, generated);
        var length = LeadingNumber(lengthText) is (>= 1 and <= 5) and var n ? (AnswerLength)n
            : s_lengthNames.TryGetValue(InstructionCategories.Key(lengthText), out var named) ? named
            : (AnswerLength?)null;
        return length is null
            ? Fail(CategoryFailure.InvalidLength, generated)
            : new CategoryParse(category, complexity, length, CategoryFailure.None, generated);
    }

    /// <summary>The whole number a value starts with (<c>7</c>, <c>7/10</c>, <c>7 (hard)</c>); null for <c>7.5</c>, <c>-1</c>, text.</summary>
    private static int? LeadingNumber(string text)
    {
        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
            digits++;
        if (digits is 0 or > 2)
            return null;
        if (digits + 1 < text.Length && text[digits] is '.' or ',' && char.IsAsciiDigit(text[digits + 1]))
            return null;
        return int.Parse(text.AsSpan(0, digits), CultureInfo.InvariantCulture);
    }

    private static CategoryParse Fail(CategoryFailure failure, string raw) => new(null, null, null, failure, raw);
}
