using System.Collections.Concurrent;

namespace OrleansEvaluator.Core.Prompts;

/// <summary>Prompt tasks built from template texts, parsed once per distinct text (work items carry the text).</summary>
public static class PromptCache
{
    private static readonly ConcurrentDictionary<string, AnswerPrompt> s_answer = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, ModifiedInstructionPrompt> s_modify = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, JudgePrompt> s_judge = new(StringComparer.Ordinal);

    /// <summary>The answering task of a template text; null gives the built-in default.</summary>
    public static AnswerPrompt Answer(string? text) =>
        s_answer.GetOrAdd(text ?? PromptSets.AnswerText(PromptSets.Default), t => new AnswerPrompt(PromptTemplateFile.Parse(t, "answer template", AnswerPrompt.Placeholders)));

    /// <summary>The modified-instruction task of a template text; null gives the built-in default.</summary>
    public static ModifiedInstructionPrompt Modify(string? text) =>
        s_modify.GetOrAdd(text ?? PromptSets.ModifyText(PromptSets.Default), t => new ModifiedInstructionPrompt(PromptTemplateFile.Parse(t, "modify template", ModifiedInstructionPrompt.Placeholders)));

    /// <summary>The judge task of a template text; null gives the built-in default.</summary>
    public static JudgePrompt Judge(string? text) =>
        s_judge.GetOrAdd(text ?? PromptSets.JudgeText(PromptSets.Default), t => new JudgePrompt(PromptTemplateFile.Parse(t, "judge template", JudgePrompt.Placeholders)));
}
