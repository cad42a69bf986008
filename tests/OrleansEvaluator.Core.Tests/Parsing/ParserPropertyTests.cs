using CsCheck;
using OrleansEvaluator.Core.Parsing;
using OrleansEvaluator.Core.Tests.Prompts;
using OrleansEvaluator.Data;

namespace OrleansEvaluator.Core.Tests.Parsing;

/// <summary>No parser throws on any string, and every result keeps the raw text and a consistent failure.</summary>
public sealed class ParserPropertyTests
{
    private static readonly Gen<string> s_anyText = Gen.OneOf(TextGen.Text, Gen.String, Gen.Char['\0', '\uFFFF'].Array[0, 200].Select(c => new string(c)));

    [Fact]
    public void The_verdict_parser_never_throws() =>
        s_anyText.Sample(text =>
        {
            var parse = VerdictParser.Parse(text);
            return parse.Raw == text && (parse.Verdict is null) == (parse.Failure != VerdictFailure.None);
        }, iter: 5000);

    [Fact]
    public void The_category_parser_never_throws() =>
        s_anyText.Sample(text =>
        {
            var parse = CategoryParser.Parse(text);
            return parse.Raw == text && (parse.Category is null) == (parse.Failure != CategoryFailure.None)
                && parse.Complexity is null or (>= 1 and <= 10);
        }, iter: 5000);

    [Fact]
    public void The_modified_instruction_parser_never_throws() =>
        Gen.Select(s_anyText, s_anyText).Sample((text, original) =>
        {
            var parse = ModifiedInstructionParser.Parse(text, original);
            return parse.Raw == text && (parse.ModifiedInstruction is null) == (parse.Failure != ModifiedInstructionFailure.None);
        }, iter: 5000);

    [Fact]
    public void The_answer_parser_never_throws() =>
        s_anyText.Sample(text => AnswerParser.Parse(text).Raw == text, iter: 2000);
}
