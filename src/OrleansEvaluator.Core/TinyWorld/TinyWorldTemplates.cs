using OrleansEvaluator.Core.Prompts;

namespace OrleansEvaluator.Core.TinyWorld;

/// <summary>
/// Compact prompt templates for the TinyWorld demo, in the template file format. A whole example (prompt and target)
/// is under 20 words, so at one token per word it fits a 128-token context with room for the chat template.
/// </summary>
/// <remarks>
/// <para>
/// All three use <c>fence: none</c>: fenced blocks cost two lines with a 12-hex-digit tag per value (about 40
/// characters, and about 20 tokens each with a word vocabulary, since the tag is spelled out in characters), which is
/// more than the examples themselves and is noise a 1 M-parameter model cannot learn to ignore. The values are the
/// world's own single-line words, and they are still neutralized, so no marker can be forged.
/// </para>
/// <para>
/// All three frame the question as <c>question: … answer:</c>, the way the seed learned to answer it. Every word is preceded by a space or starts the message, so a SentencePiece vocabulary of
/// <c>▁word</c> pieces reads each as one token. Change a text only together with its version.
/// </para>
/// </remarks>
public static class TinyWorldTemplates
{
    /// <summary>The answering template: <c>question: after 7 answer:</c>, target <c>8</c>.</summary>
    public const string AnswerText = """
        name: tinyworld-answer
        version: 1
        fence: none

        ### user
        question: {{instruction}} answer:
        """;

    /// <summary>
    /// The modification template: <c>question: after 7 answer: 8 modify:</c>, target
    /// <c>[[MODIFIED INSTRUCTION]] after 9 [[RESPONSE]] 10 [[END]]</c> (the markers of the repository's parser).
    /// </summary>
    public const string ModifyText = """
        name: tinyworld-modify
        version: 1
        fence: none

        ### user
        question: {{instruction}} answer: {{baseline_answer}} modify:
        """;

    /// <summary>
    /// The judge template: <c>answer: 8 [[A]] answer: 9 [[B]] question: after 7 answer:</c>, target <c>8 [[A]]</c> — the
    /// judge's own answer, then the verdict that labels the response matching it. The question comes last, framed as the
    /// seed learned to answer it, so even the untrained seed writes its own answer first (76% right on held-out
    /// instructions); each response is followed by its own verdict label, so the verdict copies the label after the
    /// response equal to that answer. Version 1 (<c>question: … answer A: 8 answer B: 9 better:</c>, target
    /// <c>answer: 8 [[A]]</c>) reached more on ground-truth judgments (84.7% held-out against 69.7% after three epochs,
    /// at a different batch and learning rate), but after it the untrained seed wrote noise before its verdict, which
    /// rejection sampling then kept as the reasoning to train on.
    /// </summary>
    public const string JudgeText = """
        name: tinyworld-judge
        version: 2
        fence: none

        ### user
        answer: {{answer_a}} [[A]] answer: {{answer_b}} [[B]] question: {{instruction}} answer:
        """;

    /// <summary>The answering task with <see cref="AnswerText"/>.</summary>
    public static AnswerPrompt Answer { get; } = new(Parse(AnswerText, AnswerPrompt.Placeholders));

    /// <summary>The modification task with <see cref="ModifyText"/>.</summary>
    public static ModifiedInstructionPrompt Modify { get; } = new(Parse(ModifyText, ModifiedInstructionPrompt.Placeholders));

    /// <summary>The judge task with <see cref="JudgeText"/>.</summary>
    public static JudgePrompt Judge { get; } = new(Parse(JudgeText, JudgePrompt.Placeholders));

    /// <summary>The three templates, for building a vocabulary that covers them.</summary>
    public static IReadOnlyList<PromptTemplate> All { get; } = [Answer.Template, Modify.Template, Judge.Template];

    private static PromptTemplate Parse(string text, IReadOnlyCollection<string> placeholders) =>
        PromptTemplateFile.Parse(text, "tinyworld", placeholders);
}
