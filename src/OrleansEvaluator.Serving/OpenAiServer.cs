using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansEvaluator.Generation;
using OrleansEvaluator.Inference.Llama;

namespace OrleansEvaluator.Serving;

/// <summary>A Kestrel host that serves a loaded <see cref="LlamaEngine"/> over the OpenAI-compatible endpoints.</summary>
public static class OpenAiServer
{
    /// <summary>Builds (does not start) the server; <paramref name="urls"/> such as <c>http://127.0.0.1:8080</c> (port 0 picks one).</summary>
    public static WebApplication Build(LlamaEngine engine, string urls, LogLevel minimumLogLevel = LogLevel.Warning)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(urls);
        builder.Logging.SetMinimumLevel(minimumLogLevel);
        builder.Services.AddSingleton(engine);
        builder.Services.AddSingleton<ITextGenerator>(engine);
        var app = builder.Build();
        app.MapOpenAiCompletions();
        return app;
    }

    /// <summary>The address a started server listens on.</summary>
    public static Uri Address(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
    }
}
