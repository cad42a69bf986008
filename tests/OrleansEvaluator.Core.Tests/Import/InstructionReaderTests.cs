using OrleansEvaluator.Core.Formats;
using OrleansEvaluator.Core.Import;

namespace OrleansEvaluator.Core.Tests.Import;

public sealed class InstructionReaderTests
{
    private static InstructionImport Read(string jsonl, MalformedLinePolicy policy = MalformedLinePolicy.Skip) =>
        InstructionReader.Read(new StringReader(jsonl), "in.jsonl", policy);

    [Fact]
    public void Plain_openai_sharegpt_and_wildchat_lines_all_yield_the_last_user_turn()
    {
        var import = Read("""
            {"id": "p1", "instruction": "Plain question?", "source": "pool", "category": "math"}
            {"id": "o1", "messages": [{"role": "system", "content": "be nice"}, {"role": "user", "content": "first"}, {"role": "assistant", "content": "ok"}, {"role": "user", "content": "OpenAI last"}]}
            {"id": "o2", "messages": [{"role": "user", "content": [{"type": "text", "text": "parts"}, {"type": "image_url", "image_url": {}}, {"type": "text", "text": "joined"}]}]}
            {"conversations": [{"from": "human", "value": "ShareGPT first"}, {"from": "gpt", "value": "x"}, {"from": "human", "value": "ShareGPT last"}]}
            {"conversation_hash": "abc123", "conversation": [{"role": "user", "content": "WildChat last"}, {"role": "assistant", "content": "y"}]}
            """);

        Assert.Empty(import.Issues);
        Assert.Equal(["Plain question?", "OpenAI last", "parts\njoined", "ShareGPT last", "WildChat last"], import.Instructions.Select(i => i.Text));
        Assert.Equal("p1", import.Instructions[0].Id);
        Assert.Equal("pool", import.Instructions[0].Source);
        Assert.Equal("math", import.Instructions[0].Category);
        Assert.Equal("abc123", import.Instructions[4].Id);
        Assert.StartsWith("instr-", import.Instructions[3].Id, StringComparison.Ordinal);
        Assert.Equal("in", import.Instructions[1].Source);
    }

    [Fact]
    public void Duplicates_by_normalized_text_are_dropped_and_counted()
    {
        var import = Read("""
            {"id": "a", "instruction": "Name  a FRUIT."}
            {"id": "b", "instruction": "name a fruit."}
            {"id": "a", "instruction": "Name a fruit."}
            {"id": "c", "instruction": "Name a vegetable."}
            """);
        Assert.Equal(["a", "c"], import.Instructions.Select(i => i.Id));
        Assert.Equal(2, import.Duplicates);
        Assert.Empty(import.Issues);
    }

    [Theory]
    [InlineData("{not json", "not valid JSON")]
    [InlineData("[1, 2]", "expected a JSON object, found Array")]
    [InlineData("{\"id\": \"x\"}", "no instruction: expected a field")]
    [InlineData("{\"instruction\": 5}", "field 'instruction' must be a string")]
    [InlineData("{\"instruction\": \"   \"}", "the instruction is empty")]
    [InlineData("{\"messages\": [{\"role\": \"assistant\", \"content\": \"hi\"}]}", "field 'messages' has no user turn")]
    [InlineData("{\"messages\": {\"role\": \"user\"}}", "field 'messages' must be an array of turns")]
    [InlineData("{\"messages\": [{\"role\": \"user\"}]}", "messages[0] has no 'content'")]
    [InlineData("{\"conversations\": [\"text\"]}", "conversations[0] must be an object")]
    public void Each_malformed_line_is_reported_with_file_line_and_reason(string bad, string reason)
    {
        var import = Read("{\"instruction\": \"fine\"}\n\n" + bad + "\n{\"instruction\": \"also fine\"}");
        Assert.Equal(2, import.Instructions.Count);
        var issue = Assert.Single(import.Issues);
        Assert.Equal(("in.jsonl", 3), (issue.File, issue.Line));
        Assert.Contains(reason, issue.Reason, StringComparison.Ordinal);
        Assert.StartsWith("in.jsonl:3: ", issue.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_id_on_different_text_is_malformed_not_a_duplicate()
    {
        var import = Read("{\"id\": \"a\", \"instruction\": \"one\"}\n{\"id\": \"a\", \"instruction\": \"two\"}");
        Assert.Single(import.Instructions);
        Assert.Contains("id 'a' was already used", Assert.Single(import.Issues).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_fail_policy_stops_at_the_first_malformed_line_naming_it()
    {
        var error = Assert.Throws<DataFormatException>(() => Read("{\"instruction\": \"ok\"}\n{oops", MalformedLinePolicy.Fail));
        Assert.StartsWith("in.jsonl:2: not valid JSON", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.Issue!.Line);
    }

    [Fact]
    public void The_shared_instruction_pool_imports_without_loss()
    {
        var import = InstructionReader.Read(SharedBenchmarks.File("instruction-pool/default_pool.jsonl"), MalformedLinePolicy.Fail);
        Assert.Equal(3918, import.Instructions.Count);
        Assert.Equal(0, import.Duplicates);
        Assert.Equal(3918, import.Instructions.Select(i => i.Id).Distinct().Count());
    }
}
