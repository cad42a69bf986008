namespace OrleansEvaluator.Training.Native;

/// <summary>One evaluation of an allocated ggml-opt graph whose inputs are uploaded.</summary>
internal static class GgmlOptRun
{
    /// <summary>Runs the graph and returns ggml-opt's loss for it (mean over the window's rows).</summary>
    public static double Evaluate(IntPtr opt, IntPtr result)
    {
        GgmlApi.ggml_opt_result_reset(result);
        GgmlApi.ggml_opt_eval(opt, result);
        GgmlApi.ggml_opt_result_loss(result, out var loss, out _);
        return loss;
    }
}
