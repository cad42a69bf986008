using OrleansEvaluator.Core.Parsing;
using OrleansEvaluator.Core.Prompts;
using OrleansEvaluator.Data;

namespace OrleansEvaluator.Core.Tests.Prompts;

public sealed class DefaultTemplateTests
{
    private static readonly PromptTemplate[] s_defaults =
    [
        JudgePrompt.DefaultTemplate, CategorizePrompt.DefaultTemplate,
        ModifiedInstructionPrompt.DefaultTemplate, AnswerPrompt.DefaultTemplate,
    ];

    [Fact]
    public void Built_in_templates_are_versioned_and_distinct()
    {
        Assert.Equal(["judge-pair@1", "categorize-instruction@1", "modify-instruction@1", "answer-instruction@1"],
            s_defaults.Select(t => t.Id));
        Assert.Equal(s_defaults.Length, s_defaults.Select(t => t.Fingerprint).Distinct().Count());
    }

    [Fact]
    public void The_judge_asks_for_a_neutral_comparison_explanation_first_and_a_verdict_without_tie()
    {
        var system = JudgePrompt.DefaultTemplate.SystemText!;

        foreach (var quality in new[] { "helpful", "relevant", "accurate", "deep", "creative", "detailed" })
            Assert.Contains(quality, system, StringComparison.Ordinal);
        foreach (var bias in new[] { "Position", "Length", "Names" })
            Assert.Contains(bias, system, StringComparison.Ordinal);
        Assert.True(system.IndexOf("explain", StringComparison.Ordinal) < system.IndexOf("[[A]]", StringComparison.Ordinal));
        Assert.Contains("tie is not an option", system, StringComparison.Ordinal);
        Assert.DoesNotContain(VerdictParser.TieMarker, system, StringComparison.Ordinal);
        Assert.Equal(VerdictFailure.NoVerdict, VerdictParser.Parse(JudgePrompt.DefaultTemplate.UserText).Failure);
    }

    [Fact]
    public void The_judge_user_part_holds_question_then_answer_a_then_answer_b()
    {
        var user = JudgePrompt.DefaultTemplate.UserText;

        string[] placeholders = ["{{instruction}}", "{{answer_a}}", "{{answer_b}}"];

        var order = placeholders.Select(p => user.IndexOf(p, StringComparison.Ordinal)).ToArray();

        Assert.Equal(order.Order(), order);
        Assert.DoesNotContain(-1, order);
    }

    [Fact]
    public void The_categorizer_lists_every_category_and_the_length_scale()
    {
        var system = CategorizePrompt.DefaultTemplate.SystemText!;

        foreach (var category in InstructionCategories.All)
            Assert.Contains($"- {category.DisplayName()}\n", system, StringComparison.Ordinal);
        foreach (var step in new[] { "one sentence", "a few sentences", "one paragraph", "two paragraphs", "three or more paragraphs" })
            Assert.Contains(step, system, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pair_builder_prompt_uses_the_markers_its_parser_owns()
    {
        var system = ModifiedInstructionPrompt.DefaultTemplate.SystemText!;
        string[] markers = [ModifiedInstructionParser.InstructionMarker, ModifiedInstructionParser.ResponseMarker, ModifiedInstructionParser.EndMarker];

        var lines = system.Split('\n');

        var positions = markers.Select(m => Array.IndexOf(lines, m)).ToArray();

        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public void A_preference_pair_is_shown_in_the_requested_order()
    {
        var pair = new PreferencePair("p", "i", "question", "other question", "good", "bad", "m");
        var judge = new JudgePrompt();

        var chosenFirst = Fence.ReadBlocks(judge.Format(pair, PresentationOrder.ChosenFirst)[1].Content)!;
        var chosenSecond = Fence.ReadBlocks(judge.Format(pair, PresentationOrder.ChosenSecond)[1].Content)!;

        Assert.Equal(["question", "good", "bad"], chosenFirst.Select(b => b.Content));
        Assert.Equal(["question", "bad", "good"], chosenSecond.Select(b => b.Content));
    }

    [Fact]
    public void Tasks_parse_with_their_own_parser()
    {
        Assert.Equal(Verdict.B, new JudgePrompt().Parse("So: [[B]]").Verdict);
        Assert.Equal(InstructionCategory.Coding, new CategorizePrompt().Parse("Category: Coding\nComplexity: 3\nLength: 2").Category);
        Assert.Equal("x", new ModifiedInstructionPrompt().Parse("[[MODIFIED INSTRUCTION]]x[[RESPONSE]]y[[END]]").ModifiedInstruction);
        Assert.Equal("hi", new AnswerPrompt().Parse(" hi \n").Answer);
    }
}
