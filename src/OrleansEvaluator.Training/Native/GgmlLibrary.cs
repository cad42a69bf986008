using System.Reflection;
using System.Runtime.InteropServices;
using LLama.Native;
using OrleansEvaluator.Inference.Llama;

namespace OrleansEvaluator.Training.Native;

/// <summary>
/// Resolves the trainer's imports to the very files LLamaSharp loaded: two copies of ggml in one process would
/// each keep their own state. LLamaSharp picks its CPU variant first; the trainer then follows it.
/// </summary>
internal static class GgmlLibrary
{
    public const string Base = "ggml-base";
    public const string Cpu = "ggml-cpu";
    public const string Llama = "llama";

    private static readonly Lock s_gate = new();
    private static string? s_directory;

    /// <summary>The folder of the loaded libllama; loads LLamaSharp's native library first if needed.</summary>
    public static string Directory
    {
        get
        {
            lock (s_gate)
            {
                if (s_directory is not null)
                    return s_directory;
                NativeLlamaRuntime.EnsureConfigured(null);
                NativeApi.llama_empty_call();
                s_directory = FindLoaded("libllama.so")
                    ?? throw new DllNotFoundException("libllama.so is not mapped into this process after LLamaSharp loaded; cannot pin the trainer to the same ggml.");
                NativeLibrary.SetDllImportResolver(typeof(GgmlLibrary).Assembly, Resolve);
                return s_directory;
            }
        }
    }

    /// <summary>Makes sure imports resolve to LLamaSharp's files; call before the first trainer native call.</summary>
    public static void EnsureLoaded() => _ = Directory;

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? path)
    {
        var file = name switch
        {
            Base => "libggml-base.so",
            Cpu => "libggml-cpu.so",
            Llama => "libllama.so",
            _ => null,
        };
        return file is null ? IntPtr.Zero : NativeLibrary.Load(Path.Combine(s_directory!, file));
    }

    // /proc/self/maps lists every mapped file with its absolute path: the one source of truth for what loaded.
    private static string? FindLoaded(string fileName)
    {
        if (!File.Exists("/proc/self/maps"))
            return null;
        foreach (var line in File.ReadLines("/proc/self/maps"))
        {
            var slash = line.IndexOf('/', StringComparison.Ordinal);
            if (slash < 0)
                continue;
            var path = line[slash..].Trim();
            if (Path.GetFileName(path) == fileName)
                return Path.GetDirectoryName(path);
        }
        return null;
    }
}
