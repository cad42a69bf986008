using OrleansEvaluator.Core.Parsing;

namespace OrleansEvaluator.Core.Tests.Parsing;

public sealed class AnswerParserTests
{
    [Theory]
    [InlineData("", AnswerFailure.Empty, null)]
    [InlineData(" \r\n\t", AnswerFailure.Empty, null)]
    [InlineData("\n  Paris.  \n", AnswerFailure.None, "Paris.")]
    public void Blank_answers_fail_and_others_are_trimmed(string text, AnswerFailure failure, string? answer) =>
        Assert.Equal(new AnswerParse(answer, failure, text), AnswerParser.Parse(text));
}
