using OrleansEvaluator.Core.Parsing;

namespace OrleansEvaluator.Core.Tests.Parsing;

public sealed class CategoryParserTests
{
    [Theory]
    [InlineData("Category: Coding\nComplexity: 7\nLength: 4", InstructionCategory.Coding, 7, AnswerLength.TwoParagraphs)]
    [InlineData("**Category:** Closed QA\n**Complexity:** 1\n**Length:** 1", InstructionCategory.ClosedQa, 1, AnswerLength.OneSentence)]
    [InlineData("Sure.\n- category: inhabiting a character / persona\n- complexity: 10/10\n- length: 5 (three or more paragraphs)\nDone.",
        InstructionCategory.InhabitingACharacter, 10, AnswerLength.ThreeOrMoreParagraphs)]
    [InlineData("Category: Humanity, History, or Social Studies.\r\nComplexity: 3 (easy)\r\nLength: one paragraph\r\n",
        InstructionCategory.HumanityHistoryOrSocialStudies, 3, AnswerLength.OneParagraph)]
    [InlineData("Length: a few sentences\nComplexity: 2\nCategory: \"Mathematical reasoning\" (arithmetic)",
        InstructionCategory.MathematicalReasoning, 2, AnswerLength.FewSentences)]
    [InlineData("Category: Other\nCategory: other\nComplexity: 5\nLength: 3", InstructionCategory.Other, 5, AnswerLength.OneParagraph)]
    public void Three_fields_parse_with_tolerance_for_formatting(string text, InstructionCategory category, int complexity, AnswerLength length) =>
        Assert.Equal(new CategoryParse(category, complexity, length, CategoryFailure.None, text), CategoryParser.Parse(text));

    [Theory]
    [InlineData("", CategoryFailure.MissingCategory)]
    [InlineData("Complexity: 3\nLength: 2", CategoryFailure.MissingCategory)]
    [InlineData("Category: Poetry\nComplexity: 3\nLength: 2", CategoryFailure.UnknownCategory)]
    [InlineData("Category: Coding / Extraction\nComplexity: 3\nLength: 2", CategoryFailure.UnknownCategory)]
    [InlineData("Category: Coding\nLength: 2", CategoryFailure.MissingComplexity)]
    [InlineData("Category: Coding\nComplexity: 0\nLength: 2", CategoryFailure.InvalidComplexity)]
    [InlineData("Category: Coding\nComplexity: 11\nLength: 2", CategoryFailure.InvalidComplexity)]
    [InlineData("Category: Coding\nComplexity: 7.5\nLength: 2", CategoryFailure.InvalidComplexity)]
    [InlineData("Category: Coding\nComplexity: high\nLength: 2", CategoryFailure.InvalidComplexity)]
    [InlineData("Category: Coding\nComplexity: -3\nLength: 2", CategoryFailure.InvalidComplexity)]
    [InlineData("Category: Coding\nComplexity: 3", CategoryFailure.MissingLength)]
    [InlineData("Category: Coding\nComplexity: 3\nLength: 6", CategoryFailure.InvalidLength)]
    [InlineData("Category: Coding\nComplexity: 3\nLength: an essay", CategoryFailure.InvalidLength)]
    [InlineData("Category: Coding\nCategory: Extraction\nComplexity: 3\nLength: 2", CategoryFailure.ConflictingFields)]
    public void Missing_or_malformed_fields_are_failures_that_keep_the_raw_text(string text, CategoryFailure failure) =>
        Assert.Equal(new CategoryParse(null, null, null, failure, text), CategoryParser.Parse(text));

    [Fact]
    public void Every_display_name_parses_back_to_its_category()
    {
        foreach (var category in InstructionCategories.All)
        {
            Assert.True(InstructionCategories.TryParse(category.DisplayName(), out var parsed));
            Assert.Equal(category, parsed);
        }
        Assert.Equal(15, InstructionCategories.All.Count);
    }
}
