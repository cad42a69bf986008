using OrleansEvaluator.Inference.Configuration;
using OrleansEvaluator.Inference.Llama;

namespace OrleansEvaluator.Inference.Tests;

/// <summary>One engine with both real test models loaded, shared by the engine tests.</summary>
public sealed class EngineFixture : IAsyncLifetime
{
    public const string Stories = "stories260K";
    public const string TinyStories = "tinystories656K";

    public LlamaEngine Engine { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Engine = LlamaEngine.Create(new LlamaEngineOptions { ContextSize = 8192, MaxSequences = 64, Threads = 2 });
        await Engine.LoadAsync(Stories, SharedModels.Stories260K);
        await Engine.LoadAsync(TinyStories, SharedModels.TinyStories656K);
    }

    public async ValueTask DisposeAsync() => await Engine.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class EngineCollection : ICollectionFixture<EngineFixture>
{
    public const string Name = "engine";
}
