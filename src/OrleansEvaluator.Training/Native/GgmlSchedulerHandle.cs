using Microsoft.Win32.SafeHandles;

namespace OrleansEvaluator.Training.Native;

/// <summary>Owns a backend scheduler; released with <c>ggml_backend_sched_free</c>.</summary>
internal sealed class GgmlSchedulerHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public GgmlSchedulerHandle() : base(ownsHandle: true)
    {
    }

    public GgmlSchedulerHandle(IntPtr handle) : base(ownsHandle: true) => SetHandle(handle);

    protected override bool ReleaseHandle()
    {
        GgmlApi.ggml_backend_sched_free(handle);
        return true;
    }
}
