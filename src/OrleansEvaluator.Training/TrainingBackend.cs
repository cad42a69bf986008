using OrleansEvaluator.Training.Native;

namespace OrleansEvaluator.Training;

/// <summary>The CPU backend and a scheduler over it, with a fixed thread count.</summary>
internal sealed unsafe class TrainingBackend : IDisposable
{
    private readonly GgmlBackendHandle _backend;
    private readonly GgmlSchedulerHandle _scheduler;

    public TrainingBackend(int threads)
    {
        GgmlLibrary.EnsureLoaded();
        _backend = new GgmlBackendHandle(GgmlApi.ggml_backend_cpu_init());
        if (_backend.IsInvalid)
            throw new InvalidOperationException("ggml could not start the CPU backend.");
        GgmlApi.ggml_backend_cpu_set_n_threads(_backend.DangerousGetHandle(), threads);
        var backend = _backend.DangerousGetHandle();
        _scheduler = new GgmlSchedulerHandle(GgmlApi.ggml_backend_sched_new(&backend, null, 1, 16384, 0, 0));
    }

    public IntPtr Backend => _backend.DangerousGetHandle();

    public IntPtr Scheduler => _scheduler.DangerousGetHandle();

    public void Dispose()
    {
        _scheduler.Dispose();
        _backend.Dispose();
    }
}
