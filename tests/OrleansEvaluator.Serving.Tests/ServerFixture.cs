using Microsoft.AspNetCore.Builder;
using OrleansEvaluator.Inference.Configuration;
using OrleansEvaluator.Inference.Llama;

namespace OrleansEvaluator.Serving.Tests;

/// <summary>A real engine with stories260K behind a real Kestrel server on a loopback port.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public const string Model = "stories";

    public LlamaEngine Engine { get; private set; } = null!;

    public WebApplication App { get; private set; } = null!;

    public Uri Address { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Engine = LlamaEngine.Create(new LlamaEngineOptions { ContextSize = 4096, MaxSequences = 16, Threads = 2 });
        await Engine.LoadAsync(Model, SharedModels.Stories260K);
        App = OpenAiServer.Build(Engine, "http://127.0.0.1:0");
        await App.StartAsync();
        Address = OpenAiServer.Address(App);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await Engine.DisposeAsync();
    }
}
