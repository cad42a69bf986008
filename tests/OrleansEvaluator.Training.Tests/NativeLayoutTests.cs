using System.Runtime.InteropServices;
using OrleansEvaluator.Training.Native;

namespace OrleansEvaluator.Training.Tests;

/// <summary>The C struct layouts of this ggml build, as verified against its binaries.</summary>
public sealed class NativeLayoutTests
{
    [Fact]
    public void Struct_sizes_match_the_shipped_binaries()
    {
        Assert.Equal(28, Marshal.SizeOf<GgmlOptOptimizerParams>());
        Assert.Equal(72, Marshal.SizeOf<GgmlOptParams>());
        Assert.Equal(24, Marshal.SizeOf<GgmlInitParams>());
        Assert.Equal(32, Marshal.OffsetOf<GgmlOptParams>(nameof(GgmlOptParams.LossType)).ToInt32());
        Assert.Equal(48, Marshal.OffsetOf<GgmlOptParams>(nameof(GgmlOptParams.GetOptPars)).ToInt32());
        Assert.Equal(64, Marshal.OffsetOf<GgmlOptParams>(nameof(GgmlOptParams.Optimizer)).ToInt32());
    }

    [Fact]
    public void The_native_optimizer_defaults_read_through_our_layout_are_ggmls_documented_defaults()
    {
        GgmlLibrary.EnsureLoaded();
        var p = GgmlApi.ggml_opt_get_default_optimizer_params(IntPtr.Zero);
        Assert.Equal((1e-3f, 0.9f, 0.999f, 1e-8f, 0f), (p.AdamwAlpha, p.AdamwBeta1, p.AdamwBeta2, p.AdamwEps, p.AdamwWd));
        Assert.Equal((1e-3f, 0f), (p.SgdAlpha, p.SgdWd));
        var o = GgmlApi.ggml_opt_default_params(IntPtr.Zero, 2);
        Assert.Equal(2, o.LossType);
        Assert.Equal(1, o.OptPeriod);
    }

    [Fact]
    public void The_trainer_uses_the_same_ggml_files_as_llamasharp()
    {
        var dir = GgmlLibrary.Directory;
        Assert.True(File.Exists(Path.Combine(dir, "libggml-base.so")));
        var maps = File.ReadAllLines("/proc/self/maps").Where(l => l.Contains("libggml-base.so", StringComparison.Ordinal))
            .Select(l => l[l.IndexOf('/', StringComparison.Ordinal)..]).Distinct().ToArray();
        Assert.Equal([Path.Combine(dir, "libggml-base.so")], maps);
    }
}
