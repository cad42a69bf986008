using OrleansEvaluator.Generation;
using OrleansEvaluator.Inference.Grammars;

namespace OrleansEvaluator.Inference.Tests;

[Collection(EngineCollection.Name)]
public sealed class GbnfValidatorTests(EngineFixture fixture)
{
    public static TheoryData<string> ValidGrammars =>
    [
        VerdictGrammar.ForMaxTokens(64),
        "root ::= \"yes\" | \"no\"",
        "root ::= [a-z]+ \" \" [0-9]{1,3}\n",
        "# comment\nroot ::= item (\",\" item)*  # trailing\nitem ::= \"x\" | \"y\"\n",
        "root ::= (\n  \"a\"\n  | \"b\"\n)?",
        "root ::= [^\\n\\]] \"\\\"\" \"\\x41\"",
    ];

    [Theory]
    [MemberData(nameof(ValidGrammars))]
    public async Task Grammars_it_accepts_run_in_llama_cpp(string grammar)
    {
        Assert.Null(GbnfValidator.Validate(grammar));
        var result = await fixture.Engine.GenerateAsync(new GenerationRequest
        {
            Model = EngineFixture.Stories, Prompt = "Once", MaxTokens = 40, Grammar = grammar, Temperature = 1, Seed = 5,
        }, TestContext.Current.CancellationToken);
        Assert.Single(result.Samples);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("root ::= (", "expected ')'")]
    [InlineData("root ::= \"abc", "unterminated string")]
    [InlineData("root ::= [a-z", "unterminated character class")]
    [InlineData("root ::= other", "undefined rule 'other'")]
    [InlineData("start ::= \"a\"", "no 'root' rule")]
    [InlineData("root = \"a\"", "expected '::='")]
    [InlineData("root ::= \"a\"{3,1}", "below its minimum")]
    [InlineData("root ::= \"\\q\"", "unknown escape")]
    [InlineData("root ::= root \"a\" | \"b\"", "left recursion")]
    [InlineData("root ::= a\na ::= b \"x\"\nb ::= a", "left recursion")]
    [InlineData("root ::= \"a\" )", "unexpected ')'")]
    public void Grammars_it_refuses_name_the_problem(string grammar, string problem) =>
        Assert.Contains(problem, GbnfValidator.Validate(grammar) ?? "(accepted)", StringComparison.Ordinal);

    [Fact]
    public void Problems_carry_line_and_column() =>
        Assert.Contains("line 2, column", GbnfValidator.Validate("root ::= a\na ::= \"x\" ( \"y\"") ?? "", StringComparison.Ordinal);
}
