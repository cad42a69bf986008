using OrleansEvaluator.Inference.Configuration;
using OrleansEvaluator.Inference.Gguf;
using OrleansEvaluator.Inference.Llama;

namespace OrleansEvaluator.Inference.Tests;

public sealed class ModelFileValidationTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("oeval-gguf-").FullName;
    private LlamaEngine _engine = null!;

    public ValueTask InitializeAsync()
    {
        _engine = LlamaEngine.Create(new LlamaEngineOptions { ContextSize = 512, MaxSequences = 4, Threads = 1 });
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _engine.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task A_missing_file_is_reported_by_its_full_path()
    {
        var path = Path.Combine(_dir, "absent.gguf");
        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => _engine.LoadAsync("m", path, TestContext.Current.CancellationToken));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Empty(_engine.Models);
    }

    [Fact]
    public async Task A_file_that_is_not_gguf_is_rejected_before_any_native_call()
    {
        var path = Path.Combine(_dir, "notes.gguf");
        await File.WriteAllTextAsync(path, "This is a text file, not a model. It is long enough to have a header.", TestContext.Current.CancellationToken);
        var error = await Assert.ThrowsAsync<GgufFormatException>(() => _engine.LoadAsync("m", path, TestContext.Current.CancellationToken));
        Assert.Contains("is not a GGUF file", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_cut_off_in_its_tensor_data_is_reported_as_truncated_naming_the_tensor()
    {
        var bytes = await File.ReadAllBytesAsync(SharedModels.Stories260K, TestContext.Current.CancellationToken);
        var path = Path.Combine(_dir, "half.gguf");
        await File.WriteAllBytesAsync(path, bytes[..(bytes.Length / 2)], TestContext.Current.CancellationToken);
        var error = await Assert.ThrowsAsync<GgufFormatException>(() => _engine.LoadAsync("m", path, TestContext.Current.CancellationToken));
        Assert.Contains("is truncated: tensor '", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(100)]
    [InlineData(5000)]
    public async Task A_file_cut_off_inside_its_header_is_reported_with_the_offset(int length)
    {
        var bytes = await File.ReadAllBytesAsync(SharedModels.TinyStories656K, TestContext.Current.CancellationToken);
        var path = Path.Combine(_dir, $"head{length}.gguf");
        await File.WriteAllBytesAsync(path, bytes[..length], TestContext.Current.CancellationToken);
        var error = await Assert.ThrowsAsync<GgufFormatException>(() => _engine.LoadAsync("m", path, TestContext.Current.CancellationToken));
        Assert.Matches("too short|truncated", error.Message);
    }

    [Fact]
    public async Task An_empty_file_and_a_directory_are_rejected()
    {
        var empty = Path.Combine(_dir, "empty.gguf");
        await File.WriteAllBytesAsync(empty, [], TestContext.Current.CancellationToken);
        await Assert.ThrowsAsync<GgufFormatException>(() => _engine.LoadAsync("m", empty, TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<GgufFormatException>(() => _engine.LoadAsync("m", _dir, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task After_bad_files_the_engine_still_loads_and_runs_a_good_model()
    {
        await Assert.ThrowsAsync<FileNotFoundException>(() => _engine.LoadAsync("m", Path.Combine(_dir, "x.gguf"), TestContext.Current.CancellationToken));
        await _engine.LoadAsync("m", SharedModels.Stories260K, TestContext.Current.CancellationToken);
        var result = await _engine.GenerateAsync(new Generation.GenerationRequest { Model = "m", Prompt = "Once", MaxTokens = 4 }, TestContext.Current.CancellationToken);
        Assert.Equal(4, result.Samples[0].TokenIds.Count);
    }

    [Fact]
    public void The_header_of_every_shared_model_reads_with_its_documented_shape()
    {
        var stories = GgufHeader.Read(SharedModels.Stories260K);
        Assert.Equal("llama", stories.Architecture);
        Assert.Equal(48, stories.Tensors.Count);
        Assert.Equal(64, stories.GetArchInteger("embedding_length"));
        Assert.Equal(512, stories.GetStringArray("tokenizer.ggml.tokens")!.Length);

        var tiny = GgufHeader.Read(SharedModels.TinyStories656K);
        Assert.Equal(20, tiny.Tensors.Count);
        Assert.Contains(tiny.Tensors, t => GgmlType.Name(t.Type) == "Q8_0");

        var random = GgufHeader.Read(SharedModels.Llama2TinyRandom);
        Assert.Equal(12, random.Tensors.Count);
        Assert.Equal(32000, random.GetStringArray("tokenizer.ggml.tokens")!.Length);
    }
}
