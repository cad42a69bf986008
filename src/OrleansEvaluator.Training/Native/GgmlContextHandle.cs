using Microsoft.Win32.SafeHandles;

namespace OrleansEvaluator.Training.Native;

/// <summary>Owns a ggml context (tensor metadata and, unless no_alloc, data); released with <c>ggml_free</c>.</summary>
internal sealed class GgmlContextHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public GgmlContextHandle() : base(ownsHandle: true)
    {
    }

    public GgmlContextHandle(IntPtr handle) : base(ownsHandle: true) => SetHandle(handle);

    protected override bool ReleaseHandle()
    {
        GgmlApi.ggml_free(handle);
        return true;
    }
}
