using System.CommandLine;
using Microsoft.Extensions.Logging;

namespace OrleansEvaluator.Cli.Commands;

/// <summary>Options shared by several commands.</summary>
internal static class CommonOptions
{
    public static Option<bool> Verbose() => new("--verbose", "-v")
    {
        Description = "Log details, including llama.cpp's own lines.",
    };

    public static Option<int> Threads() => new("--threads")
    {
        Description = "CPU threads per decode.",
        DefaultValueFactory = _ => Environment.ProcessorCount,
    };

    public static ILoggerFactory Loggers(bool verbose) => LoggerFactory.Create(b => b
        .AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; })
        .SetMinimumLevel(verbose ? LogLevel.Debug : LogLevel.Warning));
}
