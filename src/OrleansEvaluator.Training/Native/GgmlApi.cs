using System.Runtime.InteropServices;

namespace OrleansEvaluator.Training.Native;

/// <summary>P/Invoke into libggml-base and libggml-cpu (resolved by <see cref="GgmlLibrary"/> to LLamaSharp's own files).</summary>
internal static unsafe partial class GgmlApi
{
    // ---- Contexts and tensors ----
    [LibraryImport(GgmlLibrary.Base)] public static partial IntPtr ggml_init(GgmlInitParams p);
    [LibraryImport(GgmlLibrary.Base)] public static partial void ggml_free(IntPtr ctx);
    [LibraryImport(GgmlLibrary.Base)] public static partial nuint ggml_tensor_overhead();
    [LibraryImport(GgmlLibrary.Base)] public static partial nuint ggml_graph_overhead_custom(nuint size, byte grads);
    [LibraryImport(GgmlLibrary.Base)] public static partial IntPtr ggml_new_tensor_1d(IntPtr ctx, int type, long ne0);
    [LibraryImport(GgmlLibrary.Base)] public static partial IntPtr ggml_new_tensor_2d(IntPtr ctx, int type, long ne0, long ne1);
    [LibraryImport(GgmlLibrary.Base, StringMarshalling = StringMarshalling.Utf8)] public static partial IntPtr ggml_set_name(IntPtr t, string name);
    [LibraryImport(GgmlLibrary.Base)] public static partial void ggml_set_param(IntPtr t);
    [LibraryImport(GgmlLibrary.Base)] public static partial void ggml_set_input(IntPtr t);
    [LibraryImport(GgmlLibrary.Base)] public static partial nuint ggml_nbytes(IntPtr t);

    // ---- Operations ----
    [LibraryImport(GgmlLibrary.Base)] public static partial IntPtr ggml_get_rows(IntPtr ctx, IntPtr a, IntPtr b);
    [LibraryImport(GgmlLibrary.Base)] public static partial IntPtr ggml_rms_norm(IntPtr ctx, IntPtr a, float eps);
    [LibraryImport(GgmlLibrary.Base)] public static partial IntPtr ggml_mul(IntPtr ctx, IntPtr a, IntPtr b);
    [LibraryImport(GgmlLibrary.Base)] public static partial IntPtr ggml_add(IntPtr ctx, IntPtr a, IntPtr b);
    [LibraryImport(GgmlLibrary.Base)] public static partial IntPtr ggml_scale(IntPtr ctx, IntPtr a, float s);
    [LibraryImport(GgmlLibrary.Base)] public static partial IntPtr ggml_mul_mat(IntPtr ctx, IntPtr a, IntPtr b);
    [LibraryImport(GgmlLibrary.Base)] public static partial IntPtr ggml_reshape_3d(IntPtr ctx, IntPtr a, long ne0, long ne1, long ne2);
    [LibraryImport(GgmlLibrary.Base)] public static partial IntPtr ggml_permute(IntPtr ctx, IntPtr a, int ax0, int ax1, int ax2, int ax3);
    [LibraryImport(GgmlLibrary.Base)] public static partial IntPtr ggml_transpose(IntPtr ctx, IntPtr a);
    [LibraryImport(GgmlLibrary.Base)] public static partial IntPtr ggml_cont(IntPtr ctx, IntPtr a);
    [LibraryImport(GgmlLibrary.Base)] public static partial IntPtr ggml_cont_2d(IntPtr ctx, IntPtr a, long ne0, long ne1);
    [LibraryImport(GgmlLibrary.Base)]
    public static partial IntPtr ggml_rope_ext(IntPtr ctx, IntPtr a, IntPtr pos, IntPtr freqFactors, int nDims, int mode, int nCtxOrig,
        float freqBase, float freqScale, float extFactor, float attnFactor, float betaFast, float betaSlow);
    [LibraryImport(GgmlLibrary.Base)] public static partial IntPtr ggml_soft_max_ext(IntPtr ctx, IntPtr a, IntPtr mask, float scale, float maxBias);
    [LibraryImport(GgmlLibrary.Base)] public static partial IntPtr ggml_silu(IntPtr ctx, IntPtr a);

    // ---- Backend ----
    [LibraryImport(GgmlLibrary.Cpu)] public static partial IntPtr ggml_backend_cpu_init();
    [LibraryImport(GgmlLibrary.Cpu)] public static partial void ggml_backend_cpu_set_n_threads(IntPtr backend, int n);
    [LibraryImport(GgmlLibrary.Base)] public static partial void ggml_backend_free(IntPtr backend);
    [LibraryImport(GgmlLibrary.Base)] public static partial IntPtr ggml_backend_alloc_ctx_tensors(IntPtr ctx, IntPtr backend);
    [LibraryImport(GgmlLibrary.Base)] public static partial void ggml_backend_buffer_free(IntPtr buffer);
    [LibraryImport(GgmlLibrary.Base)] public static partial void ggml_backend_tensor_set(IntPtr t, void* data, nuint offset, nuint size);
    [LibraryImport(GgmlLibrary.Base)] public static partial void ggml_backend_tensor_get(IntPtr t, void* data, nuint offset, nuint size);
    [LibraryImport(GgmlLibrary.Base)] public static partial IntPtr ggml_backend_sched_new(IntPtr* backends, IntPtr* bufts, int n, nuint graphSize, byte parallel, byte opOffload);
    [LibraryImport(GgmlLibrary.Base)] public static partial void ggml_backend_sched_free(IntPtr sched);

    // ---- Optimization ----
    [LibraryImport(GgmlLibrary.Base)] public static partial GgmlOptOptimizerParams ggml_opt_get_default_optimizer_params(IntPtr userdata);
    [LibraryImport(GgmlLibrary.Base)] public static partial GgmlOptParams ggml_opt_default_params(IntPtr sched, int lossType);
    [LibraryImport(GgmlLibrary.Base)] public static partial IntPtr ggml_opt_init(GgmlOptParams p);
    [LibraryImport(GgmlLibrary.Base)] public static partial void ggml_opt_free(IntPtr opt);
    [LibraryImport(GgmlLibrary.Base)] public static partial void ggml_opt_alloc(IntPtr opt, byte backward);
    [LibraryImport(GgmlLibrary.Base)] public static partial void ggml_opt_eval(IntPtr opt, IntPtr result);
    [LibraryImport(GgmlLibrary.Base)] public static partial void ggml_opt_reset(IntPtr opt, byte optimizer);
    [LibraryImport(GgmlLibrary.Base)] public static partial IntPtr ggml_opt_labels(IntPtr opt);
    [LibraryImport(GgmlLibrary.Base)] public static partial IntPtr ggml_opt_grad_acc(IntPtr opt, IntPtr node);
    [LibraryImport(GgmlLibrary.Base)] public static partial void ggml_opt_prepare_alloc(IntPtr opt, IntPtr ctxCompute, IntPtr graph, IntPtr inputs, IntPtr outputs);
    [LibraryImport(GgmlLibrary.Base)] public static partial IntPtr ggml_new_graph_custom(IntPtr ctx, nuint size, byte grads);
    [LibraryImport(GgmlLibrary.Base)] public static partial void ggml_build_forward_expand(IntPtr graph, IntPtr tensor);
    [LibraryImport(GgmlLibrary.Base)] public static partial IntPtr ggml_opt_result_init();
    [LibraryImport(GgmlLibrary.Base)] public static partial void ggml_opt_result_free(IntPtr result);
    [LibraryImport(GgmlLibrary.Base)] public static partial void ggml_opt_result_reset(IntPtr result);
    [LibraryImport(GgmlLibrary.Base)] public static partial void ggml_opt_result_loss(IntPtr result, out double loss, out double uncertainty);
}
