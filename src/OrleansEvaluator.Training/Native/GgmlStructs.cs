using System.Runtime.InteropServices;

namespace OrleansEvaluator.Training.Native;

// Layouts verified against the binaries of LLamaSharp.Backend.Cpu 0.30.0 (llama.cpp c0c7e147); newer upstream
// headers differ (adamw.gclip, grad_checkpoint_interval). NativeLayoutTests pins the sizes.

/// <summary><c>struct ggml_init_params</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct GgmlInitParams
{
    public nuint MemSize;
    public IntPtr MemBuffer;
    public byte NoAlloc;
}

/// <summary><c>struct ggml_opt_optimizer_params</c>: 28 bytes in this build.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct GgmlOptOptimizerParams
{
    public float AdamwAlpha;
    public float AdamwBeta1;
    public float AdamwBeta2;
    public float AdamwEps;
    public float AdamwWd;
    public float SgdAlpha;
    public float SgdWd;
}

/// <summary><c>struct ggml_opt_params</c>: 72 bytes in this build.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct GgmlOptParams
{
    public IntPtr BackendSched;
    public IntPtr CtxCompute;
    public IntPtr Inputs;
    public IntPtr Outputs;
    public int LossType;
    public int BuildType;
    public int OptPeriod;
    public IntPtr GetOptPars;
    public IntPtr GetOptParsUd;
    public int Optimizer;
}

/// <summary>ggml enum values used by the trainer.</summary>
internal static class GgmlConst
{
    public const int TypeF32 = 0;
    public const int TypeF16 = 1;
    public const int TypeQ8_0 = 8;
    public const int TypeI32 = 26;
    public const int LossCrossEntropy = 2;
    public const int BuildForward = 10;
    public const int BuildGrad = 20;
    public const int BuildOpt = 30;
    public const int OptimizerAdamW = 0;
    public const int RopeNorm = 0;
}
