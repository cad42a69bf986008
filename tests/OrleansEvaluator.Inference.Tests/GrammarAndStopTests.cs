using System.Text.RegularExpressions;
using OrleansEvaluator.Generation;
using OrleansEvaluator.Inference.Grammars;

namespace OrleansEvaluator.Inference.Tests;

[Collection(EngineCollection.Name)]
public sealed partial class GrammarAndStopTests(EngineFixture fixture)
{
    [GeneratedRegex(@"^[^\[]*\[\[[AB]\]\]$")]
    private static partial Regex EndsInOneVerdict();

    [GeneratedRegex(@"^\[\[MODIFIED INSTRUCTION\]\][ \n][^\[\n]+[ \n]\[\[RESPONSE\]\][ \n][^\[]+[ \n]\[\[END\]\]$")]
    private static partial Regex PairLayout();

    [Fact]
    public async Task With_the_pair_grammar_every_sample_has_the_marker_layout_within_its_token_budget()
    {
        const int maxTokens = 64;
        var result = await fixture.Engine.GenerateAsync(new GenerationRequest
        {
            Model = EngineFixture.Stories, Prompt = "Once upon a time, Tom asked his mom for a new toy.", MaxTokens = maxTokens,
            Temperature = 1.0f, Seed = 5, Samples = 20, Grammar = ModifiedInstructionGrammar.ForMaxTokens(maxTokens),
        }, TestContext.Current.CancellationToken);

        Assert.Null(GbnfValidator.Validate(ModifiedInstructionGrammar.ForMaxTokens(maxTokens), "root"));
        Assert.All(result.Samples, s =>
        {
            Assert.Matches(PairLayout(), s.Text);
            Assert.Equal(FinishReason.EndOfSequence, s.Finish);
        });
        Assert.Throws<ArgumentOutOfRangeException>(() => ModifiedInstructionGrammar.ForMaxTokens(ModifiedInstructionGrammar.ReservedTokens));
    }

    [Fact]
    public async Task With_the_verdict_grammar_a_hundred_of_a_hundred_samples_end_in_exactly_one_verdict()
    {
        const int maxTokens = 48;
        var requests = Enumerable.Range(0, 4).Select(i => fixture.Engine.GenerateAsync(new GenerationRequest
        {
            Model = EngineFixture.Stories,
            Prompt = "Story A: Tom ran. Story B: Lily sang. Which story is better? Think, then answer [[A]] or [[B]].",
            MaxTokens = maxTokens, Temperature = 1.0f, Seed = (uint)(100 * i), Samples = 25,
            Grammar = VerdictGrammar.ForMaxTokens(maxTokens),
        }, TestContext.Current.CancellationToken));
        var samples = (await Task.WhenAll(requests)).SelectMany(r => r.Samples).ToList();

        Assert.Equal(100, samples.Count);
        Assert.All(samples, s =>
        {
            Assert.Matches(EndsInOneVerdict(), s.Text);
            Assert.Equal(FinishReason.EndOfSequence, s.Finish);
            Assert.True(s.TokenIds.Count <= maxTokens);
        });
        // Both verdicts occur: the grammar constrains the form, not the choice.
        Assert.Contains(samples, s => s.Text.EndsWith("[[A]]", StringComparison.Ordinal));
        Assert.Contains(samples, s => s.Text.EndsWith("[[B]]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_grammar_whose_literals_the_vocabulary_cannot_produce_is_refused_before_sampling()
    {
        // TinyStories-656K has no '[' token and no byte fallback: no verdict could ever be sampled.
        var error = await Assert.ThrowsAsync<ArgumentException>(() => fixture.Engine.GenerateAsync(new GenerationRequest
        {
            Model = EngineFixture.TinyStories, Prompt = "Which is better?", MaxTokens = 30, Grammar = VerdictGrammar.ForMaxTokens(30),
        }, TestContext.Current.CancellationToken));
        Assert.Contains("literal \"[[\" cannot be produced", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verdict_grammar_refuses_a_budget_with_no_room_for_the_verdict() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => VerdictGrammar.ForMaxTokens(VerdictGrammar.ReservedTokens));

    [Fact]
    public async Task A_grammar_llama_cpp_cannot_parse_is_an_argument_error_naming_the_field()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => fixture.Engine.GenerateAsync(new GenerationRequest
        {
            Model = EngineFixture.Stories, Prompt = "Hi", MaxTokens = 8, Grammar = "root ::= (",
        }, TestContext.Current.CancellationToken));
        Assert.StartsWith("Grammar:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stop_string_ends_the_sample_and_is_cut_from_the_text()
    {
        var ct = TestContext.Current.CancellationToken;
        var free = await fixture.Engine.GenerateAsync(
            new GenerationRequest { Model = EngineFixture.Stories, Prompt = "Once upon a time", MaxTokens = 48 }, ct);
        var text = free.Samples[0].Text;
        var stop = text.Contains("Lily", StringComparison.Ordinal) ? "Lily" : text.Trim().Split(' ')[2];

        var stopped = await fixture.Engine.GenerateAsync(
            new GenerationRequest { Model = EngineFixture.Stories, Prompt = "Once upon a time", MaxTokens = 48, Stop = [stop] }, ct);

        Assert.Equal(FinishReason.StopString, stopped.Samples[0].Finish);
        Assert.Equal(text[..text.IndexOf(stop, StringComparison.Ordinal)], stopped.Samples[0].Text);
    }
}
