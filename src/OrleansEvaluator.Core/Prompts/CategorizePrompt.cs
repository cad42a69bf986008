using OrleansEvaluator.Core.Parsing;
using OrleansEvaluator.Generation;

namespace OrleansEvaluator.Core.Prompts;

/// <summary>
/// The instruction-selection task: asks for a category, a complexity from 1 to 10 and an expected answer length
/// from 1 to 5, in <c>Category:</c>/<c>Complexity:</c>/<c>Length:</c> lines that <see cref="CategoryParser"/> reads.
/// </summary>
public sealed class CategorizePrompt : IPromptTask<CategoryParse>
{
    /// <summary>Uses <paramref name="template"/>, or the built-in one; throws if its placeholders differ from <see cref="Placeholders"/>.</summary>
    public CategorizePrompt(PromptTemplate? template = null) =>
        Template = (template ?? DefaultTemplate).Require(Placeholders, "categorize");

    /// <summary>The placeholders this task fills.</summary>
    public static IReadOnlyList<string> Placeholders { get; } = ["instruction"];

    /// <summary>The built-in template (<c>categorize-instruction</c>).</summary>
    public static PromptTemplate DefaultTemplate { get; } = DefaultTemplates.Parse(DefaultTemplates.CategorizeText, Placeholders);

    /// <summary>The template in use.</summary>
    public PromptTemplate Template { get; }

    /// <summary>Loads a user template file for this task; throws <see cref="PromptTemplateException"/> naming file and line.</summary>
    public static CategorizePrompt Load(string path) => new(PromptTemplateFile.Load(path, Placeholders));

    /// <summary>Renders the prompt for one instruction.</summary>
    public IReadOnlyList<ChatMessage> Format(string instruction) =>
        Template.Render(new Dictionary<string, string>(StringComparer.Ordinal) { ["instruction"] = instruction });

    /// <summary>Parses generated text; see <see cref="CategoryParser"/>.</summary>
    public CategoryParse Parse(string generated) => CategoryParser.Parse(generated);
}
