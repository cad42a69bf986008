using OrleansEvaluator.Generation;
using OrleansEvaluator.Inference.Configuration;
using OrleansEvaluator.Inference.Gguf;
using OrleansEvaluator.Inference.Llama;

namespace OrleansEvaluator.Inference.Tests;

/// <summary>A model without a chat template that names its format in <see cref="RawPrompt.FormatKey"/>.</summary>
public sealed class DeclaredChatFormatTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("oeval-declared-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A copy of stories260K (no chat template) whose metadata names <paramref name="format"/>.</summary>
    private string Declaring(string format)
    {
        var path = Path.Combine(_folder, "declared.gguf");
        var model = GgufDocument.Read(SharedModels.Stories260K);
        model.Set(RawPrompt.FormatKey, format);
        model.Write(path);
        return path;
    }

    [Fact]
    public async Task A_model_that_names_the_raw_format_is_asked_in_raw_text_whatever_the_engines_fallback()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var engine = LlamaEngine.Create(new LlamaEngineOptions { ContextSize = 512, MaxSequences = 2, Threads = 1, ChatTemplateFallback = "chatml" });
        await engine.LoadAsync("declared", Declaring(RawPrompt.TemplateName), ct);
        await engine.LoadAsync("plain", SharedModels.Stories260K, ct);

        Assert.Equal("declared:raw", engine.Models.Single(m => m.Id == "declared").ChatTemplate);
        Assert.Equal("fallback:chatml", engine.Models.Single(m => m.Id == "plain").ChatTemplate);
        var messages = new[] { ChatMessage.System("Once upon a time"), ChatMessage.User("there was a dog.") };
        var raw = await engine.GenerateAsync(new GenerationRequest { Model = "declared", Messages = messages, MaxTokens = 4 }, ct);
        var wrapped = await engine.GenerateAsync(new GenerationRequest { Model = "plain", Messages = messages, MaxTokens = 4 }, ct);
        Assert.Equal("Once upon a time\nthere was a dog.", raw.PromptText);
        Assert.Contains("<|im_start|>", wrapped.PromptText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_model_that_names_an_unknown_format_is_refused_at_load_naming_the_key_and_the_value()
    {
        var ct = TestContext.Current.CancellationToken;
        var path = Declaring("no-such-format");
        await using var engine = LlamaEngine.Create(new LlamaEngineOptions { ContextSize = 512, MaxSequences = 2, Threads = 1 });

        var error = await Assert.ThrowsAsync<ModelLoadException>(() => engine.LoadAsync("declared", path, ct));
        Assert.Contains(RawPrompt.FormatKey, error.Message, StringComparison.Ordinal);
        Assert.Contains("'no-such-format'", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }
}
