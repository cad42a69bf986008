using Microsoft.Win32.SafeHandles;

namespace OrleansEvaluator.Training.Native;

/// <summary>Owns a ggml backend (the CPU backend and its thread pool); released with <c>ggml_backend_free</c>.</summary>
internal sealed class GgmlBackendHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public GgmlBackendHandle() : base(ownsHandle: true)
    {
    }

    public GgmlBackendHandle(IntPtr handle) : base(ownsHandle: true) => SetHandle(handle);

    protected override bool ReleaseHandle()
    {
        GgmlApi.ggml_backend_free(handle);
        return true;
    }
}
