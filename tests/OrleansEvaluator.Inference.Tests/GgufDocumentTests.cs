using System.Security.Cryptography;
using OrleansEvaluator.Generation;
using OrleansEvaluator.Inference.Configuration;
using OrleansEvaluator.Inference.Gguf;
using OrleansEvaluator.Inference.Llama;

namespace OrleansEvaluator.Inference.Tests;

public sealed class GgufDocumentTests
{
    public static TheoryData<string> Models => [SharedModels.Stories260K, SharedModels.TinyStories656K, SharedModels.Llama2TinyRandom];

    [Theory]
    [MemberData(nameof(Models))]
    public void Reading_and_writing_a_model_unchanged_gives_the_same_bytes(string model)
    {
        var document = GgufDocument.Read(model);
        using var written = new MemoryStream();
        document.WriteTo(written);
        Assert.Equal(SHA256.HashData(File.ReadAllBytes(model)), SHA256.HashData(written.ToArray()));
    }

    [Fact]
    public async Task Changed_metadata_keeps_its_place_and_the_model_still_loads_and_generates_the_same()
    {
        var ct = TestContext.Current.CancellationToken;
        var path = Path.Combine(Directory.CreateTempSubdirectory("oeval-gguf-").FullName, "renamed.gguf");
        var document = GgufDocument.Read(SharedModels.Stories260K);
        var keys = document.MetadataKeys.ToArray();
        document.Set("general.name", "renamed by oeval");
        document.Set("oeval.note", "added");
        document.Write(path);

        var header = GgufHeader.Read(path);
        Assert.Equal("renamed by oeval", header.GetString("general.name"));
        Assert.Equal([.. keys, "oeval.note"], header.MetadataOrder);

        await using var engine = LlamaEngine.Create(new LlamaEngineOptions { ContextSize = 512, MaxSequences = 2, Threads = 1 });
        await engine.LoadAsync("original", SharedModels.Stories260K, ct);
        await engine.LoadAsync("rewritten", path, ct);
        var request = new GenerationRequest { Model = "original", Prompt = "Once upon a time", MaxTokens = 16 };
        var a = await engine.GenerateAsync(request, ct);
        var b = await engine.GenerateAsync(request with { Model = "rewritten" }, ct);
        Assert.Equal(a.Samples[0].TokenIds, b.Samples[0].TokenIds);
    }

    [Fact]
    public void A_tensor_whose_data_does_not_match_its_shape_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new GgufTensor("w", [4, 2], 0, new byte[4]));
        Assert.Contains("needs 32", error.Message, StringComparison.Ordinal);
    }
}
