using System.Collections.Frozen;

namespace OrleansEvaluator.Core.Parsing;

/// <summary>Display names of <see cref="InstructionCategory"/>, as the categorizer prompt lists them.</summary>
public static class InstructionCategories
{
    private static readonly FrozenDictionary<InstructionCategory, string> s_names = new Dictionary<InstructionCategory, string>
    {
        [InstructionCategory.Coding] = "Coding",
        [InstructionCategory.MathematicalReasoning] = "Mathematical reasoning",
        [InstructionCategory.AskingForAdvice] = "Asking for Advice",
        [InstructionCategory.Brainstorming] = "Brainstorming",
        [InstructionCategory.Classification] = "Classification",
        [InstructionCategory.ClosedQa] = "Closed QA",
        [InstructionCategory.CreativeWriting] = "Creative Writing",
        [InstructionCategory.Extraction] = "Extraction",
        [InstructionCategory.InhabitingACharacter] = "Inhabiting a Character/Persona",
        [InstructionCategory.OpenQa] = "Open QA",
        [InstructionCategory.Rewriting] = "Rewriting",
        [InstructionCategory.Summarization] = "Summarization",
        [InstructionCategory.KnowledgeAndReasoning] = "Knowledge and Reasoning",
        [InstructionCategory.HumanityHistoryOrSocialStudies] = "Humanity, History or Social Studies",
        [InstructionCategory.Other] = "Other",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, InstructionCategory> s_byKey =
        s_names.ToFrozenDictionary(kv => Key(kv.Value), kv => kv.Key, StringComparer.Ordinal);

    /// <summary>Every category, in list order.</summary>
    public static IReadOnlyList<InstructionCategory> All { get; } = [.. Enum.GetValues<InstructionCategory>()];

    /// <summary>The display name, e.g. <c>Closed QA</c>.</summary>
    public static string DisplayName(this InstructionCategory category) =>
        s_names.TryGetValue(category, out var name) ? name : throw new ArgumentOutOfRangeException(nameof(category));

    /// <summary>
    /// Matches a display name ignoring case, spaces and punctuation (<c>humanity, history, or social studies</c>
    /// matches); anything else, including a misspelt or combined name, does not.
    /// </summary>
    public static bool TryParse(string text, out InstructionCategory category)
    {
        ArgumentNullException.ThrowIfNull(text);
        return s_byKey.TryGetValue(Key(text), out category);
    }

    /// <summary>Upper-cased letters and digits only.</summary>
    internal static string Key(string text) =>
        string.Concat(text.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant));
}
