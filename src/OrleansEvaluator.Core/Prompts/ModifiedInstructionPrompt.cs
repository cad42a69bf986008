using OrleansEvaluator.Core.Parsing;
using OrleansEvaluator.Generation;

namespace OrleansEvaluator.Core.Prompts;

/// <summary>
/// The pair-construction task: given an instruction x and a good answer to it, asks for a modified instruction x′
/// (same topic, different meaning) and a strong answer to x′, the rejected answer of the pair. The output layout
/// uses the markers of <see cref="ModifiedInstructionParser"/>.
/// </summary>
public sealed class ModifiedInstructionPrompt : IPromptTask<ModifiedInstructionParse>
{
    /// <summary>Uses <paramref name="template"/>, or the built-in one; throws if its placeholders differ from <see cref="Placeholders"/>.</summary>
    public ModifiedInstructionPrompt(PromptTemplate? template = null) =>
        Template = (template ?? DefaultTemplate).Require(Placeholders, "modify-instruction");

    /// <summary>The placeholders this task fills: the original instruction and its baseline answer.</summary>
    public static IReadOnlyList<string> Placeholders { get; } = ["instruction", "baseline_answer"];

    /// <summary>The built-in template (<c>modify-instruction</c>).</summary>
    public static PromptTemplate DefaultTemplate { get; } = DefaultTemplates.Parse(DefaultTemplates.ModifyInstructionText, Placeholders);

    /// <summary>The template in use.</summary>
    public PromptTemplate Template { get; }

    /// <summary>Loads a user template file for this task; throws <see cref="PromptTemplateException"/> naming file and line.</summary>
    public static ModifiedInstructionPrompt Load(string path) => new(PromptTemplateFile.Load(path, Placeholders));

    /// <summary>Renders the prompt for an instruction and its baseline answer.</summary>
    public IReadOnlyList<ChatMessage> Format(string instruction, string baselineAnswer) =>
        Template.Render(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["instruction"] = instruction,
            ["baseline_answer"] = baselineAnswer,
        });

    /// <summary>
    /// Parses generated text; see <see cref="ModifiedInstructionParser"/>. To also reject an unchanged instruction,
    /// call <see cref="ModifiedInstructionParser.Parse"/> with the original.
    /// </summary>
    public ModifiedInstructionParse Parse(string generated) => ModifiedInstructionParser.Parse(generated);
}
