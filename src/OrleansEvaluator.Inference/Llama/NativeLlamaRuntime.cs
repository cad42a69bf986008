using System.Text;
using LLama.Native;
using Microsoft.Extensions.Logging;

namespace OrleansEvaluator.Inference.Llama;

/// <summary>
/// Process-wide llama.cpp set-up. LLamaSharp's native configuration must be made before the first native call,
/// so every engine and the trainer go through here first; native log lines are routed to the most recent caller's
/// logger.
/// </summary>
public static class NativeLlamaRuntime
{
    private static readonly Lock s_gate = new();
    private static readonly StringBuilder s_partial = new();
    private static bool s_configured;
    private static ILogger? s_logger;

    /// <summary>Configures LLamaSharp once (log routing, optional library pinning); later calls only re-route logs.</summary>
    public static void EnsureConfigured(ILogger? logger, string? libraryDirectory = null)
    {
        lock (s_gate)
        {
            if (logger is not null)
                s_logger = logger;
            if (s_configured)
                return;
            s_configured = true;
            try
            {
                var config = NativeLibraryConfig.All.WithLogCallback(OnNativeLog);
                if (libraryDirectory is not null)
                {
                    config.WithLibrary(
                        Path.Combine(libraryDirectory, "libllama.so"),
                        Path.Combine(libraryDirectory, "libmtmd.so"));
                }
            }
            catch (InvalidOperationException) when (libraryDirectory is null)
            {
                // Something called into LLamaSharp before us; logs can still be routed.
                NativeLogConfig.llama_log_set(OnNativeLog);
            }
        }
    }

    private static void OnNativeLog(LLamaLogLevel level, string message)
    {
        // llama.cpp sends partial lines (level Continue); assemble whole lines before logging.
        lock (s_gate)
        {
            s_partial.Append(message);
            if (!message.EndsWith('\n'))
                return;
            var line = s_partial.ToString().TrimEnd('\n');
            s_partial.Clear();
            var logger = s_logger;
            if (logger is null || line.Length == 0)
                return;
            var mapped = level switch
            {
                LLamaLogLevel.Error => LogLevel.Error,
                LLamaLogLevel.Warning => LogLevel.Information, // llama.cpp warns about benign things (padding ids, n_ctx_train)
                LLamaLogLevel.Info => LogLevel.Debug,
                _ => LogLevel.Trace,
            };
#pragma warning disable CA1848, CA2254 // native text is the template; these lines are not on a hot path
            logger.Log(mapped, "llama.cpp: {NativeLine}", line);
#pragma warning restore CA1848, CA2254
        }
    }
}
