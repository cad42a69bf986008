using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using OrleansEvaluator.Inference.Gguf;
using OrleansEvaluator.Training.Native;

namespace OrleansEvaluator.Training;

/// <summary>
/// Full fine-tuning of a llama GGUF on ggml-opt with AdamW and static graphs: every weight, the embedding included,
/// trains in F32 (F16 weights are widened). The loss counts target positions only, masked inside the graph:
/// masked rows get zero logits and zero labels, hence zero loss and zero gradient (a zero label row alone is not a
/// mask in ggml-opt: it still pushes the prediction down).
/// </summary>
public sealed unsafe class FullFineTuner : IDisposable
{
    private readonly GgufDocument _model;
    private readonly TrainerOptions _options;
    private readonly TrainingBackend _backend;
    private readonly TrainingWeights _weights;
    private readonly GgmlContextHandle _compute;
    private readonly GgmlOptHandle _opt;
    private readonly GgmlOptResultHandle _result;
    private GCHandle _self;
    private int _windowsInCycle;

    public FullFineTuner(GgufDocument model, string modelPath, TrainerOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is [var problem, ..])
            throw new ArgumentException("Trainer options: " + problem);
        var quantized = model.Tensors.FirstOrDefault(t => t.Type is not (GgmlConst.TypeF32 or GgmlConst.TypeF16));
        if (quantized is not null)
        {
            throw new NotSupportedException(
                $"{modelPath}: tensor '{quantized.Name}' is {GgmlType.Name(quantized.Type)}; full fine-tuning needs F32 or F16 weights (train a LoRA adapter on quantized bases).");
        }
        Shape = LlamaHyperParameters.From(model, modelPath);
        _model = model;
        _options = options;
        _backend = new TrainingBackend(options.Threads);
        _weights = new TrainingWeights(model, Shape, options.ContextLength, _backend.Backend, trainable: true);
        var size = 4 * 2048 * GgmlApi.ggml_tensor_overhead() + 3 * GgmlApi.ggml_graph_overhead_custom(2048, 1);
        _compute = new GgmlContextHandle(GgmlApi.ggml_init(new GgmlInitParams { MemSize = size, NoAlloc = 1 }));
        var c = _compute.DangerousGetHandle();
        var logits = GgmlApi.ggml_mul(c, LlamaGraph.Build(c, _weights), _weights.LossMask);
        _self = GCHandle.Alloc(this);
        var p = GgmlApi.ggml_opt_default_params(_backend.Scheduler, GgmlConst.LossCrossEntropy);
        p.CtxCompute = c;
        p.Inputs = _weights.Tokens;
        p.Outputs = logits;
        p.BuildType = GgmlConst.BuildOpt;
        p.OptPeriod = options.GradientAccumulation;
        p.GetOptPars = (IntPtr)(delegate* unmanaged[Cdecl]<IntPtr, GgmlOptOptimizerParams>)&OptimizerParams;
        p.GetOptParsUd = GCHandle.ToIntPtr(_self);
        p.Optimizer = GgmlConst.OptimizerAdamW;
        _opt = new GgmlOptHandle(GgmlApi.ggml_opt_init(p));
        _result = new GgmlOptResultHandle(GgmlApi.ggml_opt_result_init());
    }

    /// <summary>The model's shape.</summary>
    public LlamaHyperParameters Shape { get; }

    /// <summary>Optimizer steps taken.</summary>
    public int OptimizerSteps { get; private set; }

    /// <summary>
    /// Forward and backward over one window; every <see cref="TrainerOptions.GradientAccumulation"/> windows the
    /// optimizer steps. Returns the mean loss per target token of this window.
    /// </summary>
    public double Step(TrainingWindow window) => Run(window, backward: true);

    /// <summary>Mean loss per target token of one window, without gradients.</summary>
    public double Evaluate(TrainingWindow window) => Run(window, backward: false);

    private double Run(TrainingWindow window, bool backward)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (window.Validate(_options.ContextLength, Shape.VocabularySize) is [var problem, ..])
            throw new ArgumentException("Training window: " + problem, nameof(window));
        var targets = window.Targets.Count(t => t);
        if (targets == 0 && !backward)
            return 0;
        var opt = _opt.DangerousGetHandle();
        GgmlApi.ggml_opt_alloc(opt, backward ? (byte)1 : (byte)0);
        _weights.UploadWindow(window);
        TrainingWeights.Upload(GgmlApi.ggml_opt_labels(opt),
            (ReadOnlySpan<float>)WindowInputs.MaskedOneHot(window.Tokens.AsSpan(1), window.Targets, Shape.VocabularySize));
        var result = _result.DangerousGetHandle();
        GgmlApi.ggml_opt_result_reset(result);
        GgmlApi.ggml_opt_eval(opt, result);
        GgmlApi.ggml_opt_result_loss(result, out var loss, out _);
        if (backward && ++_windowsInCycle == _options.GradientAccumulation)
        {
            _windowsInCycle = 0;
            OptimizerSteps++;
        }
        // ggml-opt averages over every row of the window; report per target token instead.
        return targets == 0 ? 0 : loss * _options.ContextLength / targets;
    }

    /// <summary>The trained model: the original metadata with the current weights (F32).</summary>
    public GgufDocument Export()
    {
        var copy = new GgufDocument();
        foreach (var key in _model.MetadataKeys)
            copy.Set(key, _model.TypeOf(key), _model.Get(key)!);
        if (_model.Tensors.Any(t => t.Type == GgmlConst.TypeF16))
            copy.Set("general.file_type", new GgufValueType(4, 0), 0u); // LLAMA_FTYPE_ALL_F32
        foreach (var t in _model.Tensors)
            copy.Tensors.Add(new GgufTensor(t.Name, t.Dimensions, GgmlConst.TypeF32, TrainingWeights.Download(_weights[t.Name])));
        return copy;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static GgmlOptOptimizerParams OptimizerParams(IntPtr userdata)
    {
        // ggml-opt asks before every optimizer step, so the schedule lives here.
        var self = (FullFineTuner)GCHandle.FromIntPtr(userdata).Target!;
        var p = GgmlApi.ggml_opt_get_default_optimizer_params(IntPtr.Zero);
        p.AdamwAlpha = self._options.LearningRateAt(self.OptimizerSteps);
        p.AdamwWd = self._options.WeightDecay;
        return p;
    }

    public void Dispose()
    {
        _result.Dispose();
        _opt.Dispose();
        _compute.Dispose();
        _weights.Dispose();
        _backend.Dispose();
        if (_self.IsAllocated)
            _self.Free();
    }
}
