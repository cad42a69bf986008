using Microsoft.Win32.SafeHandles;

namespace OrleansEvaluator.Training.Native;

/// <summary>Owns a ggml-opt context (graphs, gradients, optimizer state); released with <c>ggml_opt_free</c>.</summary>
internal sealed class GgmlOptHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public GgmlOptHandle() : base(ownsHandle: true)
    {
    }

    public GgmlOptHandle(IntPtr handle) : base(ownsHandle: true) => SetHandle(handle);

    protected override bool ReleaseHandle()
    {
        GgmlApi.ggml_opt_free(handle);
        return true;
    }
}
