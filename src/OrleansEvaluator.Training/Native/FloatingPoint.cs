using System.Runtime.InteropServices;

namespace OrleansEvaluator.Training.Native;

/// <summary>
/// Flush-to-zero and denormals-are-zero for the calling thread (x86-64 glibc). Denormal floats appear late in
/// training and slowed long runs by half; threads created afterwards (ggml's workers) inherit the setting.
/// </summary>
internal static unsafe partial class FloatingPoint
{
    // x86-64 glibc fenv_t: 28 bytes of x87 state, then the SSE control register (MXCSR) at offset 28; 32 bytes.
    private const int EnvironmentSize = 32;
    private const int MxcsrOffset = 28;
    private const uint FlushToZero = 0x8000;
    private const uint DenormalsAreZero = 0x0040;

    [LibraryImport("libm.so.6", EntryPoint = "fegetenv")]
    private static partial int GetEnvironment(byte* environment);

    [LibraryImport("libm.so.6", EntryPoint = "fesetenv")]
    private static partial int SetEnvironment(byte* environment);

    /// <summary>Turns denormals off on this thread; false where the platform cannot.</summary>
    public static bool DisableDenormals() => Update(mxcsr => mxcsr | FlushToZero | DenormalsAreZero, out _);

    /// <summary>Turns denormals back on for this thread.</summary>
    public static bool RestoreDefault() => Update(mxcsr => mxcsr & ~(FlushToZero | DenormalsAreZero), out _);

    /// <summary>Denormals off until the scope ends, then the thread's previous setting comes back.</summary>
    public static Scope WithoutDenormals()
    {
        var changed = Update(mxcsr => mxcsr | FlushToZero | DenormalsAreZero, out var previous);
        return new Scope(changed ? previous & (FlushToZero | DenormalsAreZero) : null);
    }

    /// <summary>Restores the flush-to-zero bits that were in force before <see cref="WithoutDenormals"/>.</summary>
    public readonly struct Scope(uint? previousBits) : IDisposable
    {
        public void Dispose()
        {
            if (previousBits is { } bits)
                Update(mxcsr => (mxcsr & ~(FlushToZero | DenormalsAreZero)) | bits, out _);
        }
    }

    private static bool Update(Func<uint, uint> change, out uint previous)
    {
        previous = 0;
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
            return false;
        try
        {
            var environment = stackalloc byte[EnvironmentSize];
            if (GetEnvironment(environment) != 0)
                return false;
            var mxcsr = (uint*)(environment + MxcsrOffset);
            previous = *mxcsr;
            *mxcsr = change(*mxcsr);
            return SetEnvironment(environment) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false; // not glibc: training still works, only slower on denormals
        }
    }
}
