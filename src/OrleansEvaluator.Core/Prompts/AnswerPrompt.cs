using OrleansEvaluator.Core.Parsing;
using OrleansEvaluator.Generation;

namespace OrleansEvaluator.Core.Prompts;

/// <summary>
/// The answering task (the chosen answer y_w of a pair). The built-in user message is the instruction alone, sent
/// verbatim, so the model sees the request as a user would write it.
/// </summary>
public sealed class AnswerPrompt : IPromptTask<AnswerParse>
{
    /// <summary>Uses <paramref name="template"/>, or the built-in one; throws if its placeholders differ from <see cref="Placeholders"/>.</summary>
    public AnswerPrompt(PromptTemplate? template = null) => Template = (template ?? DefaultTemplate).Require(Placeholders, "answer");

    /// <summary>The placeholders this task fills.</summary>
    public static IReadOnlyList<string> Placeholders { get; } = ["instruction"];

    /// <summary>The built-in template (<c>answer-instruction</c>).</summary>
    public static PromptTemplate DefaultTemplate { get; } = DefaultTemplates.Parse(DefaultTemplates.AnswerText, Placeholders);

    /// <summary>The template in use.</summary>
    public PromptTemplate Template { get; }

    /// <summary>Loads a user template file for this task; throws <see cref="PromptTemplateException"/> naming file and line.</summary>
    public static AnswerPrompt Load(string path) => new(PromptTemplateFile.Load(path, Placeholders));

    /// <summary>Renders the prompt for one instruction.</summary>
    public IReadOnlyList<ChatMessage> Format(string instruction) =>
        Template.Render(new Dictionary<string, string>(StringComparer.Ordinal) { ["instruction"] = instruction });

    /// <summary>Parses generated text; see <see cref="AnswerParser"/>.</summary>
    public AnswerParse Parse(string generated) => AnswerParser.Parse(generated);
}
