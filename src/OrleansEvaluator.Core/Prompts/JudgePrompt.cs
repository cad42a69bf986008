using OrleansEvaluator.Core.Parsing;
using OrleansEvaluator.Data;
using OrleansEvaluator.Generation;

namespace OrleansEvaluator.Core.Prompts;

/// <summary>
/// The pairwise judge task: renders a question and answers A and B, and parses the judge's <c>[[A]]</c>/<c>[[B]]</c>
/// verdict. The same prompt serves training data and evaluation, so record <see cref="PromptTemplate.Id"/> with both.
/// </summary>
public sealed class JudgePrompt : IPromptTask<VerdictParse>
{
    /// <summary>Uses <paramref name="template"/>, or the built-in one; throws if its placeholders differ from <see cref="Placeholders"/>.</summary>
    public JudgePrompt(PromptTemplate? template = null) => Template = (template ?? DefaultTemplate).Require(Placeholders, "judge");

    /// <summary>The placeholders this task fills: the question, then answer A, then answer B.</summary>
    public static IReadOnlyList<string> Placeholders { get; } = ["instruction", "answer_a", "answer_b"];

    /// <summary>The built-in template (<c>judge-pair</c>): no tie option, bias warnings, explanation before verdict.</summary>
    public static PromptTemplate DefaultTemplate { get; } = DefaultTemplates.Parse(DefaultTemplates.JudgeText, Placeholders);

    /// <summary>The template in use.</summary>
    public PromptTemplate Template { get; }

    /// <summary>Loads a user template file for this task; throws <see cref="PromptTemplateException"/> naming file and line.</summary>
    public static JudgePrompt Load(string path) => new(PromptTemplateFile.Load(path, Placeholders));

    /// <summary>Renders the judge prompt for a question and two answers, in the order shown.</summary>
    public IReadOnlyList<ChatMessage> Format(string instruction, string answerA, string answerB) =>
        Template.Render(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["instruction"] = instruction,
            ["answer_a"] = answerA,
            ["answer_b"] = answerB,
        });

    /// <summary>Renders a pair with the better answer first (<see cref="PresentationOrder.ChosenFirst"/>) or second.</summary>
    public IReadOnlyList<ChatMessage> Format(PreferencePair pair, PresentationOrder order)
    {
        ArgumentNullException.ThrowIfNull(pair);
        return order == PresentationOrder.ChosenFirst
            ? Format(pair.Instruction, pair.Chosen, pair.Rejected)
            : Format(pair.Instruction, pair.Rejected, pair.Chosen);
    }

    /// <summary>Parses generated judge text (never the prompt); see <see cref="VerdictParser"/>.</summary>
    public VerdictParse Parse(string generated) => VerdictParser.Parse(generated);
}
