using Microsoft.Win32.SafeHandles;

namespace OrleansEvaluator.Training.Native;

/// <summary>Owns a backend buffer holding tensor data; released with <c>ggml_backend_buffer_free</c>.</summary>
internal sealed class GgmlBufferHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public GgmlBufferHandle() : base(ownsHandle: true)
    {
    }

    public GgmlBufferHandle(IntPtr handle) : base(ownsHandle: true) => SetHandle(handle);

    protected override bool ReleaseHandle()
    {
        GgmlApi.ggml_backend_buffer_free(handle);
        return true;
    }
}
