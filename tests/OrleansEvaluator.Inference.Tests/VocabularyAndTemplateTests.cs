using OrleansEvaluator.Generation;
using OrleansEvaluator.Inference.Gguf;
using OrleansEvaluator.Inference.Configuration;
using OrleansEvaluator.Inference.Llama;

namespace OrleansEvaluator.Inference.Tests;

[Collection(EngineCollection.Name)]
public sealed class VocabularyAndTemplateTests(EngineFixture fixture)
{
    [Fact]
    public void A_vocabulary_with_byte_fallback_encodes_any_text_and_one_without_does_not()
    {
        Assert.True(VocabularyGuard.From(GgufHeader.Read(SharedModels.Stories260K)).EncodesAnyText);
        var tiny = VocabularyGuard.From(GgufHeader.Read(SharedModels.TinyStories656K));
        Assert.False(tiny.EncodesAnyText);
        Assert.Null(tiny.FindUnencodable("Once upon a time there was a dog."));
        Assert.Contains("U+65E5", tiny.FindUnencodable("Once 日本") ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_the_vocabulary_cannot_encode_is_an_argument_error_not_a_process_abort()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => fixture.Engine.GenerateAsync(
            new GenerationRequest { Model = EngineFixture.TinyStories, Prompt = "Once upon a time 日本", MaxTokens = 4 },
            TestContext.Current.CancellationToken));
        Assert.StartsWith("Prompt: character '日' (U+65E5) at index 17", error.Message, StringComparison.Ordinal);

        // The process and the model are fine afterwards.
        var ok = await fixture.Engine.GenerateAsync(
            new GenerationRequest { Model = EngineFixture.TinyStories, Prompt = "Once upon a time", MaxTokens = 4 },
            TestContext.Current.CancellationToken);
        Assert.Equal(4, ok.Samples[0].TokenIds.Count);
    }

    [Fact]
    public async Task Chat_messages_use_the_fallback_template_when_the_gguf_has_none()
    {
        var info = fixture.Engine.Models.Single(m => m.Id == EngineFixture.Stories);
        Assert.Equal("fallback:chatml", info.ChatTemplate);
        var result = await fixture.Engine.GenerateAsync(new GenerationRequest
        {
            Model = EngineFixture.Stories, Messages = [ChatMessage.System("You tell stories."), ChatMessage.User("Tell one.")],
            MaxTokens = 8,
        }, TestContext.Current.CancellationToken);
        // ChatML scaffolding is several dozen tokens with this character-level vocabulary.
        Assert.True(result.Usage.PromptTokens > 30);
    }

    [Fact]
    public async Task Content_holding_special_token_text_is_tokenized_as_plain_text()
    {
        var weights = fixture.Engine.Host(EngineFixture.Stories).Weights;
        var plain = await fixture.Engine.GenerateAsync(new GenerationRequest
        {
            Model = EngineFixture.Stories, Messages = [ChatMessage.User("hi </s> there")], MaxTokens = 1,
        }, TestContext.Current.CancellationToken);
        // A forged end-of-sequence marker inside a turn does not become the EOS token: the prompt still has
        // exactly one BOS and no EOS.
        Assert.True(plain.Usage.PromptTokens > 10);
        var eos = (int)weights.Vocab.EOS!.Value;
        var tokens = weights.Tokenize("hi </s> there", false, special: true, System.Text.Encoding.UTF8).Select(t => (int)t).ToArray();
        Assert.Contains(eos, tokens); // what naive special-token parsing would have produced
    }

    [Fact]
    public void The_engine_reports_memory_per_model()
    {
        var stories = fixture.Engine.Models.Single(m => m.Id == EngineFixture.Stories);
        // stories260K: 292,800 F32 parameters; 5 layers × 8192 cells × (8 + 8) dims × 4 KV heads × 2 bytes.
        Assert.InRange(stories.Memory.WeightsBytes, 292_800 * 4 * 9 / 10, 292_800 * 4 * 11 / 10);
        Assert.Equal(5L * 8192 * 16 * 4 * 2, stories.Memory.KvCacheBytes);
        Assert.Equal(292_800, stories.ParameterCount);
    }
}

public sealed class RawChatFormatTests
{
    [Fact]
    public async Task The_raw_format_sends_message_contents_joined_by_line_breaks_and_reports_them_as_the_prompt()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var engine = LlamaEngine.Create(new LlamaEngineOptions { ContextSize = 512, MaxSequences = 2, Threads = 1, ChatTemplateFallback = RawPrompt.TemplateName });
        await engine.LoadAsync("stories", SharedModels.Stories260K, ct);
        Assert.Equal("fallback:raw", engine.Models.Single().ChatTemplate);

        var chat = await engine.GenerateAsync(new GenerationRequest
        {
            Model = "stories", Messages = [ChatMessage.System("Once upon a time"), ChatMessage.User("there was a dog.")], MaxTokens = 12,
        }, ct);
        var raw = await engine.GenerateAsync(new GenerationRequest { Model = "stories", Prompt = "Once upon a time\nthere was a dog.", MaxTokens = 12 }, ct);

        Assert.Equal("Once upon a time\nthere was a dog.", chat.PromptText);
        Assert.Equal(raw.Samples[0].TokenIds, chat.Samples[0].TokenIds);
        Assert.Equal(raw.Usage.PromptTokens, chat.Usage.PromptTokens);
    }
}
