using OrleansEvaluator.Core.Parsing;
using OrleansEvaluator.Data;

namespace OrleansEvaluator.Core.Tests.Parsing;

public sealed class VerdictParserTests
{
    [Theory]
    [InlineData("[[A]]", Verdict.A)]
    [InlineData("[[B]]", Verdict.B)]
    [InlineData("Answer A is more accurate.\n\nFinal verdict: [[A]]", Verdict.A)]
    [InlineData("  **[[B]]**.  ", Verdict.B)]
    [InlineData("\"[[B]]\"", Verdict.B)]
    [InlineData("[[A]] ... as said, [[A]]", Verdict.A)]
    [InlineData("[[[A]]]", Verdict.A)]
    [InlineData("Verdict:[[B]]\r\n", Verdict.B)]
    [InlineData("[[a]] is lower case, so only [[B]] counts", Verdict.B)]
    public void One_kind_of_marker_is_that_verdict(string text, Verdict expected)
    {
        var parse = VerdictParser.Parse(text);

        Assert.Equal(new VerdictParse(expected, VerdictFailure.None, text), parse);
        Assert.True(parse.IsSuccess);
    }

    [Theory]
    [InlineData("[[A]] [[B]]", VerdictFailure.BothVerdicts)]
    [InlineData("Not [[B]]; my verdict is [[A]]", VerdictFailure.BothVerdicts)]
    [InlineData("[[A]][[B]][[C]]", VerdictFailure.BothVerdicts)]
    [InlineData("[[C]]", VerdictFailure.Tie)]
    [InlineData("[[A]] or maybe [[C]]", VerdictFailure.Tie)]
    [InlineData("", VerdictFailure.NoVerdict)]
    [InlineData("   \n", VerdictFailure.NoVerdict)]
    [InlineData("A is better.", VerdictFailure.NoVerdict)]
    [InlineData("[A]", VerdictFailure.NoVerdict)]
    [InlineData("[[ A ]]", VerdictFailure.NoVerdict)]
    [InlineData("[[a]]", VerdictFailure.NoVerdict)]
    [InlineData("[ [B] ]", VerdictFailure.NoVerdict)]
    [InlineData("[[\nA]]", VerdictFailure.NoVerdict)]
    [InlineData("\uFF3B\uFF3B\uFF21\uFF3D\uFF3D", VerdictFailure.NoVerdict)]
    [InlineData("[[\u0410]]", VerdictFailure.NoVerdict)]
    [InlineData("[[A\u200B]]", VerdictFailure.NoVerdict)]
    [InlineData("[[A>B]]", VerdictFailure.NoVerdict)]
    public void Anything_else_is_a_failure_that_keeps_the_raw_text(string text, VerdictFailure expected)
    {
        var parse = VerdictParser.Parse(text);

        Assert.Equal(new VerdictParse(null, expected, text), parse);
        Assert.False(parse.IsSuccess);
    }
}
