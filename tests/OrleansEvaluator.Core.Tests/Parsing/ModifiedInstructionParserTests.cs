using CsCheck;
using OrleansEvaluator.Core.Parsing;
using OrleansEvaluator.Core.Prompts;
using OrleansEvaluator.Core.Tests.Prompts;

namespace OrleansEvaluator.Core.Tests.Parsing;

public sealed class ModifiedInstructionParserTests
{
    [Theory]
    [InlineData("[[MODIFIED INSTRUCTION]]\nList three rivers.\n[[RESPONSE]]\nNile, Amazon, Yangtze.\n[[END]]")]
    [InlineData("Here you go:\n**[[MODIFIED INSTRUCTION]]**\nList three rivers.\n**[[RESPONSE]]**\nNile, Amazon, Yangtze.\n**[[END]]**\nHope it helps")]
    [InlineData("[[modified instruction]] List three rivers. [[Response]] Nile, Amazon, Yangtze. [[end]]")]
    [InlineData("[[MODIFIED INSTRUCTION]]\r\nList three rivers.\r\n[[RESPONSE]]\r\nNile, Amazon, Yangtze.\r\n[[END]]\r\n")]
    public void Both_parts_are_read_between_the_markers(string text) =>
        Assert.Equal(new ModifiedInstructionParse("List three rivers.", "Nile, Amazon, Yangtze.", ModifiedInstructionFailure.None, text),
            ModifiedInstructionParser.Parse(text));

    [Theory]
    [InlineData("", ModifiedInstructionFailure.MissingInstructionMarker)]
    [InlineData("List three rivers.\n[[RESPONSE]]\nNile.\n[[END]]", ModifiedInstructionFailure.MissingInstructionMarker)]
    [InlineData("[[MODIFIED INSTRUCTION]]\nList three rivers.\nNile.\n[[END]]", ModifiedInstructionFailure.MissingResponseMarker)]
    [InlineData("[[MODIFIED INSTRUCTION]]\nList three rivers.\n[[RESPONSE]]\nNile, Amaz", ModifiedInstructionFailure.MissingEndMarker)]
    [InlineData("[[RESPONSE]]\nNile.\n[[MODIFIED INSTRUCTION]]\nList.\n[[END]]", ModifiedInstructionFailure.MarkersOutOfOrder)]
    [InlineData("[[MODIFIED INSTRUCTION]]\nList.\n[[END]]\n[[RESPONSE]]\nNile.", ModifiedInstructionFailure.MarkersOutOfOrder)]
    [InlineData("[[MODIFIED INSTRUCTION]]a[[RESPONSE]]b[[END]][[MODIFIED INSTRUCTION]]c[[RESPONSE]]d[[END]]", ModifiedInstructionFailure.RepeatedMarker)]
    [InlineData("[[MODIFIED INSTRUCTION]]\n  \n[[RESPONSE]]\nNile.\n[[END]]", ModifiedInstructionFailure.EmptyInstruction)]
    [InlineData("[[MODIFIED INSTRUCTION]]\nList.\n[[RESPONSE]]****[[END]]", ModifiedInstructionFailure.EmptyResponse)]
    [InlineData("[MODIFIED INSTRUCTION]\nList.\n[RESPONSE]\nNile.\n[END]", ModifiedInstructionFailure.MissingInstructionMarker)]
    public void Missing_or_malformed_parts_are_failures_that_keep_the_raw_text(string text, ModifiedInstructionFailure failure) =>
        Assert.Equal(new ModifiedInstructionParse(null, null, failure, text), ModifiedInstructionParser.Parse(text));

    [Fact]
    public void An_instruction_equal_to_the_original_is_rejected_when_the_original_is_given()
    {
        const string text = "[[MODIFIED INSTRUCTION]]\nname  three RIVERS\n[[RESPONSE]]\nNile.\n[[END]]";

        Assert.Equal(ModifiedInstructionFailure.UnchangedInstruction,
            ModifiedInstructionParser.Parse(text, "Name three rivers").Failure);
        Assert.True(ModifiedInstructionParser.Parse(text, "Name three lakes").IsSuccess);
        Assert.True(ModifiedInstructionParser.Parse(text).IsSuccess);
    }

    [Fact]
    public void Any_parts_without_markers_round_trip_through_the_layout() =>
        Gen.Select(TextGen.Text.Select(UntrustedText.Neutralize), TextGen.Text.Select(UntrustedText.Neutralize))
            .Where(t => t.Item1.Trim().Length > 0 && t.Item2.Trim().Length > 0)
            .Sample((instruction, response) =>
            {
                var text = $"{ModifiedInstructionParser.InstructionMarker}\n{instruction}\n{ModifiedInstructionParser.ResponseMarker}\n{response}\n{ModifiedInstructionParser.EndMarker}";

                var parse = ModifiedInstructionParser.Parse(text);

                Assert.Equal((instruction.Trim(), response.Trim()), (parse.ModifiedInstruction, parse.Response));
            });

}
