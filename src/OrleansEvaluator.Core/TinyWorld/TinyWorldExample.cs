using OrleansEvaluator.Generation;

namespace OrleansEvaluator.Core.TinyWorld;

/// <summary>
/// One training example: the prompt as the task's template renders it (apply the model's chat template to it exactly
/// as at inference) and the text the model should write.
/// </summary>
/// <param name="Id">Content-derived id (kind, prompt and target).</param>
/// <param name="Kind">What the example teaches.</param>
/// <param name="Family">The family of its instruction.</param>
/// <param name="Instruction">The instruction it is about.</param>
/// <param name="Prompt">The rendered messages.</param>
/// <param name="Target">The completion.</param>
/// <param name="QuestionsBefore">How many answered questions precede the example's own in its prompt (a document).</param>
/// <param name="AnsweredBefore">Whether one of those is the example's own question, answered with the target.</param>
/// <param name="AfterResponses">Whether the question comes after two answers laid out as the judge prompt's responses.</param>
public sealed record TinyWorldExample(
    string Id,
    TinyExampleKind Kind,
    TinyFamily Family,
    string Instruction,
    IReadOnlyList<ChatMessage> Prompt,
    string Target,
    int QuestionsBefore = 0,
    bool AnsweredBefore = false,
    bool AfterResponses = false);
