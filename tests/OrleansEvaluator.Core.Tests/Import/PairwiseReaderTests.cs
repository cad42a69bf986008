using OrleansEvaluator.Core.Formats;
using OrleansEvaluator.Core.Import;

namespace OrleansEvaluator.Core.Tests.Import;

public sealed class PairwiseReaderTests
{
    [Fact]
    public void Ties_are_kept_and_flagged_with_their_responses_from_source_fields()
    {
        var import = PairwiseReader.Read(SharedBenchmarks.File("pandalm-test/pandalm_testset_v1.jsonl"), MalformedLinePolicy.Fail);
        Assert.Equal(662, import.Items.Count);
        Assert.Equal(89, import.Ties);
        var tie = import.Items.First(i => i.Tie);
        Assert.False(string.IsNullOrEmpty(tie.Chosen));
        Assert.False(string.IsNullOrEmpty(tie.Rejected));
        Assert.Null(tie.ChosenPosition);
        Assert.All(import.Items, i => Assert.Equal("pandalm_testset_v1", i.Benchmark));
    }

    [Fact]
    public void Auto_j_ties_use_its_spaced_response_fields()
    {
        var import = PairwiseReader.Read(SharedBenchmarks.File("autoj-pairwise-test/autoj_testdata_pairwise.jsonl"), MalformedLinePolicy.Fail);
        Assert.Equal(908, import.Items.Count);
        Assert.Equal(226, import.Ties);
    }

    [Theory]
    [InlineData("{\"id\": \"x\", \"prompt\": \"q\", \"chosen\": \"a\"}", "field 'rejected' is missing or null")]
    [InlineData("{\"prompt\": \"q\", \"chosen\": \"a\", \"rejected\": \"b\"}", "field 'id' is missing")]
    [InlineData("{\"id\": \"x\", \"prompt\": \"\", \"chosen\": \"a\", \"rejected\": \"b\"}", "field 'prompt' is empty")]
    [InlineData("{\"id\": \"x\", \"prompt\": \"q\", \"chosen\": 1, \"rejected\": \"b\"}", "field 'chosen' must be a string")]
    [InlineData("{\"id\": \"x\", \"prompt\": \"q\", \"chosen\": \"a\", \"rejected\": \"b\", \"chosen_position\": 3}", "'chosen_position' must be 1, 2 or null")]
    [InlineData("{\"id\": \"x\", \"prompt\": \"q\", \"chosen\": null, \"rejected\": null, \"tie\": true}", "a tie row needs 'source_fields'")]
    [InlineData("{\"id\": \"x\", \"prompt\": \"q\", \"chosen\": null, \"rejected\": null, \"tie\": true, \"source_fields\": {\"response1\": \"a\"}}", "no second response")]
    [InlineData("{\"id\": \"x\", \"prompt\": \"q\", \"chosen\": \"a\", \"rejected\": \"b\", \"tie\": \"no\"}", "field 'tie' must be true or false")]
    public void Malformed_rows_name_the_field(string bad, string reason)
    {
        var import = PairwiseReader.Read(new StringReader("{\"id\": \"ok\", \"prompt\": \"q\", \"chosen\": \"a\", \"rejected\": \"b\"}\n" + bad), "b.jsonl");
        Assert.Single(import.Items);
        var issue = Assert.Single(import.Issues);
        Assert.Equal(2, issue.Line);
        Assert.Contains(reason, issue.Reason, StringComparison.Ordinal);
    }
}
