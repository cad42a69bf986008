using Microsoft.Win32.SafeHandles;

namespace OrleansEvaluator.Training.Native;

/// <summary>Owns a ggml-opt result accumulator (loss, accuracy); released with <c>ggml_opt_result_free</c>.</summary>
internal sealed class GgmlOptResultHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public GgmlOptResultHandle() : base(ownsHandle: true)
    {
    }

    public GgmlOptResultHandle(IntPtr handle) : base(ownsHandle: true) => SetHandle(handle);

    protected override bool ReleaseHandle()
    {
        GgmlApi.ggml_opt_result_free(handle);
        return true;
    }
}
