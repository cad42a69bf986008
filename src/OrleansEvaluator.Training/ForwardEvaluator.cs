using OrleansEvaluator.Inference.Gguf;
using OrleansEvaluator.Training.Native;

namespace OrleansEvaluator.Training;

/// <summary>
/// Mean next-token cross-entropy of windows under the trainer's own graph, with no gradients: the number the
/// identity test compares with llama.cpp, and the validation loss of training.
/// </summary>
public sealed class ForwardEvaluator : IDisposable
{
    private readonly TrainingBackend _backend;
    private readonly TrainingWeights _weights;
    private readonly GgmlContextHandle _compute;
    private readonly GgmlOptHandle _opt;
    private readonly GgmlOptResultHandle _result;

    /// <summary>Loads <paramref name="model"/> for windows of <paramref name="contextLength"/> tokens.</summary>
    public ForwardEvaluator(GgufDocument model, string modelPath, int contextLength, int threads)
    {
        ArgumentNullException.ThrowIfNull(model);
        Shape = LlamaHyperParameters.From(model, modelPath);
        _backend = new TrainingBackend(threads);
        _weights = new TrainingWeights(model, Shape, contextLength, _backend.Backend);
        var size = 4 * 2048 * GgmlApi.ggml_tensor_overhead() + 3 * GgmlApi.ggml_graph_overhead_custom(2048, 1);
        _compute = new GgmlContextHandle(GgmlApi.ggml_init(new GgmlInitParams { MemSize = size, NoAlloc = 1 }));
        var logits = LlamaGraph.Build(_compute.DangerousGetHandle(), _weights);
        var p = GgmlApi.ggml_opt_default_params(_backend.Scheduler, GgmlConst.LossCrossEntropy);
        p.CtxCompute = _compute.DangerousGetHandle();
        p.Inputs = _weights.Tokens;
        p.Outputs = logits;
        p.BuildType = GgmlConst.BuildForward;
        _opt = new GgmlOptHandle(GgmlApi.ggml_opt_init(p));
        _result = new GgmlOptResultHandle(GgmlApi.ggml_opt_result_init());
    }

    /// <summary>The model's shape.</summary>
    public LlamaHyperParameters Shape { get; }

    /// <summary>
    /// Mean negative log-likelihood of <c>tokens[1..]</c> given the preceding tokens, over one window of
    /// exactly <c>contextLength + 1</c> tokens, with a causal mask and positions 0, 1, 2, …
    /// </summary>
    public double MeanNll(ReadOnlySpan<int> tokens)
    {
        var n = _weights.ContextLength;
        if (tokens.Length != n + 1)
            throw new ArgumentException($"tokens: need exactly {n + 1} tokens for a window of {n}, got {tokens.Length}.", nameof(tokens));
        foreach (var t in tokens)
        {
            if ((uint)t >= (uint)Shape.VocabularySize)
                throw new ArgumentException($"tokens: id {t} is outside the vocabulary of {Shape.VocabularySize}.", nameof(tokens));
        }
        var opt = _opt.DangerousGetHandle();
        GgmlApi.ggml_opt_alloc(opt, 0);
        _weights.UploadWindow(TrainingWindow.Causal(tokens.ToArray()));
        TrainingWeights.Upload(GgmlApi.ggml_opt_labels(opt), (ReadOnlySpan<float>)WindowInputs.OneHot(tokens[1..], Shape.VocabularySize));
        return GgmlOptRun.Evaluate(opt, _result.DangerousGetHandle());
    }

    public void Dispose()
    {
        _result.Dispose();
        _opt.Dispose();
        _compute.Dispose();
        _weights.Dispose();
        _backend.Dispose();
    }
}
