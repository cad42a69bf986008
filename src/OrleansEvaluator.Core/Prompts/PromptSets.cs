using OrleansEvaluator.Core.TinyWorld;
using OrleansEvaluator.Generation;

namespace OrleansEvaluator.Core.Prompts;

/// <summary>
/// Named sets of built-in templates a run can choose (<c>prompts.set</c>): <c>default</c>, written for capable chat
/// models, and <c>tinyworld</c>, the compact unfenced templates of the built-in miniature world.
/// </summary>
public static class PromptSets
{
    /// <summary>The built-in set for capable chat models.</summary>
    public const string Default = "default";

    /// <summary>The compact set of the TinyWorld demo.</summary>
    public const string TinyWorld = "tinyworld";

    /// <summary>Every set name.</summary>
    public static IReadOnlyList<string> Names { get; } = [Default, TinyWorld];

    /// <summary>The answering template text of a set.</summary>
    public static string AnswerText(string set) => Pick(set, DefaultTemplates.AnswerText, TinyWorldTemplates.AnswerText);

    /// <summary>The modified-instruction template text of a set.</summary>
    public static string ModifyText(string set) => Pick(set, DefaultTemplates.ModifyInstructionText, TinyWorldTemplates.ModifyText);

    /// <summary>The judge template text of a set.</summary>
    public static string JudgeText(string set) => Pick(set, DefaultTemplates.JudgeText, TinyWorldTemplates.JudgeText);

    /// <summary>
    /// The chat format a set's templates are written for, for models without a chat template of their own: null for the
    /// engine's default, <see cref="RawPrompt.TemplateName"/> for TinyWorld's base models read as plain text.
    /// </summary>
    public static string? ChatTemplateFallback(string set) => Pick<string?>(set, null, RawPrompt.TemplateName);

    private static T Pick<T>(string set, T standard, T tiny) => set switch
    {
        Default => standard,
        TinyWorld => tiny,
        _ => throw new ArgumentException($"prompts.set: '{set}' is not one of {string.Join(", ", Names)}."),
    };
}
