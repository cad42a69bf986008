using Microsoft.Extensions.Logging;
using OrleansEvaluator.Inference.Configuration;
using OrleansEvaluator.Inference.Llama;

namespace OrleansEvaluator.Inference.Tests;

/// <summary>
/// Native log routing is process-wide and follows the most recent engine's logger, so this runs alone: an engine
/// created by a test running beside it would take the lines this one waits for.
/// </summary>
[Collection(NativeLogRoutingCollection.Name)]
public sealed class NativeLogRoutingTests
{
    [Fact]
    public async Task Native_log_lines_reach_the_dotnet_logger()
    {
        var ct = TestContext.Current.CancellationToken;
        var sink = new CapturingLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(sink).SetMinimumLevel(LogLevel.Trace));
        await using var engine = LlamaEngine.Create(new LlamaEngineOptions { ContextSize = 512, MaxSequences = 2, Threads = 1 }, loggers);
        await engine.LoadAsync("m", SharedModels.Stories260K, ct);
        Assert.Contains(sink.Lines, l => l.StartsWith("llama.cpp: ", StringComparison.Ordinal));
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider, ILogger
    {
        private readonly List<string> _lines = [];

        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (_lines)
                    return _lines.ToArray();
            }
        }

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (_lines)
                _lines.Add(formatter(state, exception));
        }

        public void Dispose()
        {
        }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NativeLogRoutingCollection
{
    public const string Name = "native log routing";
}
