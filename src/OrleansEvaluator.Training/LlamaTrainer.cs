using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using OrleansEvaluator.Inference.Gguf;
using OrleansEvaluator.Training.Native;

namespace OrleansEvaluator.Training;

/// <summary>
/// Full fine-tuning of a llama GGUF: ggml-opt computes the loss and the gradients of every weight (the embedding
/// included) in F32 on static graphs; the AdamW update runs in managed memory, so its state checkpoints and resumes
/// exactly. The loss counts target positions only, masked inside the graph: masked rows get zero logits and zero
/// labels, hence zero loss and zero gradient (a zero label row alone is not a mask in ggml-opt: it still pushes the
/// prediction down).
/// </summary>
public sealed unsafe class LlamaTrainer : IDisposable
{
    // ggml-opt applies its own optimizer every OptPeriod windows and scales the loss by 1/OptPeriod. A power of two
    // this large keeps ggml's optimizer from ever running and makes the scaling exact; the graphs are rebuilt long
    // before the period could come round.
    private const int GradientPeriod = 1 << 20;
    private const string MomentPrefix = "oeval.adamw.m.";
    private const string VariancePrefix = "oeval.adamw.v.";
    private const string StepsKey = "oeval.checkpoint.optimizer_steps";

    private readonly GgufDocument _model;
    private readonly TrainerOptions _options;
    private readonly TrainingBackend _backend;
    private readonly TrainingWeights _weights;
    private readonly string[] _parameters;
    private readonly float[][] _values;
    private readonly float[][] _gradients;
    private readonly Dictionary<string, IReadOnlyList<long>> _dimensions = new(StringComparer.Ordinal);
    private readonly AdamW _adam;
    private GgmlContextHandle _compute = null!;
    private GgmlOptHandle _opt = null!;
    private readonly GgmlOptResultHandle _result;
    private int _windowsInCycle;
    private int _evaluations;

    public LlamaTrainer(GgufDocument model, string modelPath, TrainerOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is [var problem, ..])
            throw new ArgumentException("Trainer options: " + problem);
        var quantized = model.Tensors.FirstOrDefault(t => t.Type is not (GgmlConst.TypeF32 or GgmlConst.TypeF16 or GgmlConst.TypeQ8_0));
        if (quantized is not null)
            throw new NotSupportedException($"{modelPath}: tensor '{quantized.Name}' is {GgmlType.Name(quantized.Type)}; the trainer reads F32, F16 and Q8_0.");
        quantized = model.Tensors.FirstOrDefault(t => t.Type == GgmlConst.TypeQ8_0);
        if (quantized is not null && options.Lora is null)
        {
            throw new NotSupportedException(
                $"{modelPath}: tensor '{quantized.Name}' is {GgmlType.Name(quantized.Type)}; full fine-tuning needs F32 or F16 weights (train a LoRA adapter on quantized bases).");
        }
        Shape = LlamaHyperParameters.From(model, modelPath);
        // ggml-opt's static graphs hold 2,048 nodes and abort the process beyond; deeper models rebuild their graphs
        // (of up to DynamicGraphSize nodes) every window instead.
        var nodes = EstimatedGraphNodes(Shape.Layers, options.Lora?.TargetModules.Count);
        _dynamic = options.ForceDynamicGraphs || nodes > StaticGraphBudget;
        if (nodes > DynamicGraphSize / 2)
        {
            throw new NotSupportedException(
                $"{modelPath}: {Shape.Layers} layers{(options.Lora is { } l ? $" with {l.TargetModules.Count} adapted modules each" : "")} need about {nodes} graph nodes; " +
                $"the trainer builds graphs of up to {DynamicGraphSize / 2}. Use the external trainer for models this deep.");
        }
        _model = model;
        _options = options;
        _backend = new TrainingBackend(options.Threads);
        _weights = new TrainingWeights(model, Shape, options.ContextLength, _backend.Backend, trainable: true, options.Lora);
        if (options.Lora is not null && _weights.AdapterTensors.Count == 0)
            throw new ArgumentException($"Lora.TargetModules: no weight of {modelPath} matches {string.Join(", ", options.Lora.TargetModules)}.");
        _parameters = options.Lora is null ? model.Tensors.Select(t => t.Name).ToArray() : [.. _weights.AdapterTensors];
        foreach (var t in model.Tensors)
        {
            _dimensions[t.Name] = t.Dimensions;
            var (a, b) = LoraOptions.TensorNames(t.Name);
            if (options.Lora is { } lora && _weights.Has(a))
            {
                _dimensions[a] = [t.Dimensions[0], lora.Rank];
                _dimensions[b] = [lora.Rank, t.Dimensions[1]];
            }
        }
        _values = _parameters.Select(n => MemoryMarshal.Cast<byte, float>(TrainingWeights.Download(_weights[n]).AsSpan()).ToArray()).ToArray();
        _gradients = _values.Select(v => new float[v.Length]).ToArray();
        _adam = new AdamW(_values.Select(v => v.Length).ToArray());
        _result = new GgmlOptResultHandle(GgmlApi.ggml_opt_result_init());
        BuildGraphs();
    }

    /// <summary>The model's shape.</summary>
    public LlamaHyperParameters Shape { get; }

    private const int StaticGraphBudget = 2000;
    private const int DynamicGraphSize = 32768;
    private readonly bool _dynamic;
    private IntPtr[]? _accumulators;

    /// <summary>
    /// Nodes of the forward, backward and optimizer graphs, fitted to measurements on this ggml build: full training
    /// held 17 layers and aborted at 18; LoRA on 7 modules held 9 and aborted at 10; on 3 modules it aborted at 16.
    /// </summary>
    internal static int EstimatedGraphNodes(int layers, int? loraModules) =>
        40 + layers * (loraModules is { } m ? 98 + 17 * m : 117);

    /// <summary>Optimizer steps taken.</summary>
    public int OptimizerSteps => _adam.Steps;

    /// <summary>
    /// Forward and backward over one window; every <see cref="TrainerOptions.GradientAccumulation"/> windows the mean
    /// gradient updates the weights. Returns the mean loss per target token of this window.
    /// </summary>
    public double Step(TrainingWindow window)
    {
        Check(window);
        if (_windowsInCycle == 0 && !_dynamic && _accumulators is not null)
            GgmlApi.ggml_opt_reset(_opt.DangerousGetHandle(), 0);
        var loss = Run(window, backward: true);
        if (++_windowsInCycle == _options.GradientAccumulation)
        {
            _windowsInCycle = 0;
            ApplyUpdate();
        }
        return loss;
    }

    /// <summary>Mean loss per target token of one window, without gradients.</summary>
    public double Evaluate(TrainingWindow window)
    {
        Check(window);
        return window.Targets.Any(t => t) ? Run(window, backward: false) : 0;
    }

    private void Check(TrainingWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (window.Validate(_options.ContextLength, Shape.VocabularySize) is [var problem, ..])
            throw new ArgumentException("Training window: " + problem, nameof(window));
    }

    private double Run(TrainingWindow window, bool backward)
    {
        // ggml's workers start on the first compute and inherit this thread's setting; the caller's comes back after.
        using var noDenormals = FloatingPoint.WithoutDenormals();
        if (++_evaluations >= GradientPeriod - 1)
            BuildGraphs();
        var opt = _opt.DangerousGetHandle();
        if (_dynamic)
            PrepareDynamicGraph(opt);
        GgmlApi.ggml_opt_alloc(opt, backward ? (byte)1 : (byte)0);
        // Gradient accumulators live for the whole run, but only the first build exposes them: remember them. This
        // build does not zero them for rebuilt graphs, so the cycle's first window zeroes them here, after alloc.
        _accumulators ??= _parameters.Select(name => GgmlApi.ggml_opt_grad_acc(opt, _weights[name])).ToArray();
        if (_dynamic && backward && _windowsInCycle == 0)
            GgmlApi.ggml_opt_reset(opt, 0);
        _weights.UploadWindow(window);
        TrainingWeights.Upload(GgmlApi.ggml_opt_labels(opt),
            (ReadOnlySpan<float>)WindowInputs.MaskedOneHot(window.Tokens.AsSpan(1), window.Targets, Shape.VocabularySize));
        var loss = GgmlOptRun.Evaluate(opt, _result.DangerousGetHandle());
        var targets = window.Targets.Count(t => t);
        // ggml-opt averages over every row of the window; report per target token instead.
        return targets == 0 ? 0 : loss * _options.ContextLength / targets;
    }

    private void ApplyUpdate()
    {
        for (var p = 0; p < _parameters.Length; p++)
            TrainingWeights.Download(_accumulators![p], _gradients[p]);
        // The accumulators hold the sum over the cycle of gradients of loss / GradientPeriod: scale to the mean gradient.
        _adam.Update(_values, _gradients, (float)GradientPeriod / _options.GradientAccumulation,
            _options.LearningRateAt(_adam.Steps), _options.WeightDecay);
        for (var p = 0; p < _parameters.Length; p++)
            TrainingWeights.Upload(_weights[_parameters[p]], (ReadOnlySpan<float>)_values[p]);
    }

    private void BuildGraphs()
    {
        _opt?.Dispose();
        _compute?.Dispose();
        _evaluations = 0;
        _accumulators = null;
        if (_dynamic)
        {
            var d = GgmlApi.ggml_opt_default_params(_backend.Scheduler, GgmlConst.LossCrossEntropy);
            d.BuildType = GgmlConst.BuildOpt;
            d.OptPeriod = GradientPeriod;
            d.GetOptPars = (IntPtr)(delegate* unmanaged[Cdecl]<IntPtr, GgmlOptOptimizerParams>)&DefaultOptimizerParams;
            d.Optimizer = GgmlConst.OptimizerAdamW;
            _opt = new GgmlOptHandle(GgmlApi.ggml_opt_init(d));
            _compute = new GgmlContextHandle();
            return;
        }
        var size = 4 * 2048 * GgmlApi.ggml_tensor_overhead() + 3 * GgmlApi.ggml_graph_overhead_custom(2048, 1);
        _compute = new GgmlContextHandle(GgmlApi.ggml_init(new GgmlInitParams { MemSize = size, NoAlloc = 1 }));
        var c = _compute.DangerousGetHandle();
        var logits = GgmlApi.ggml_mul(c, LlamaGraph.Build(c, _weights), _weights.LossMask);
        var p = GgmlApi.ggml_opt_default_params(_backend.Scheduler, GgmlConst.LossCrossEntropy);
        p.CtxCompute = c;
        p.Inputs = _weights.Tokens;
        p.Outputs = logits;
        p.BuildType = GgmlConst.BuildOpt;
        p.OptPeriod = GradientPeriod;
        p.GetOptPars = (IntPtr)(delegate* unmanaged[Cdecl]<IntPtr, GgmlOptOptimizerParams>)&DefaultOptimizerParams;
        p.Optimizer = GgmlConst.OptimizerAdamW;
        _opt = new GgmlOptHandle(GgmlApi.ggml_opt_init(p));
    }

    /// <summary>A fresh compute context and forward graph for this window (the previous one is freed).</summary>
    private void PrepareDynamicGraph(IntPtr opt)
    {
        _compute.Dispose();
        var size = 8 * (nuint)DynamicGraphSize * GgmlApi.ggml_tensor_overhead() + 4 * GgmlApi.ggml_graph_overhead_custom(DynamicGraphSize, 1);
        _compute = new GgmlContextHandle(GgmlApi.ggml_init(new GgmlInitParams { MemSize = size, NoAlloc = 1 }));
        var c = _compute.DangerousGetHandle();
        var logits = GgmlApi.ggml_mul(c, LlamaGraph.Build(c, _weights), _weights.LossMask);
        var graph = GgmlApi.ggml_new_graph_custom(c, DynamicGraphSize, 1);
        GgmlApi.ggml_build_forward_expand(graph, logits);
        GgmlApi.ggml_opt_prepare_alloc(opt, c, graph, _weights.Tokens, logits);
    }

    // Required by ggml-opt; its own optimizer never runs (see GradientPeriod).
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static GgmlOptOptimizerParams DefaultOptimizerParams(IntPtr userdata) => GgmlApi.ggml_opt_get_default_optimizer_params(userdata);

    /// <summary>The trained model: the original metadata with the current weights (F32). With an adapter, the merged model.</summary>
    public GgufDocument Export() => _options.Lora is null ? ExportFull() : ExportMerged();

    private GgufDocument ExportFull()
    {
        var copy = CopyMetadata();
        if (_model.Tensors.Any(t => t.Type == GgmlConst.TypeF16))
            copy.Set("general.file_type", new GgufValueType(4, 0), 0u); // LLAMA_FTYPE_ALL_F32
        for (var p = 0; p < _parameters.Length; p++)
            copy.Tensors.Add(Tensor(_parameters[p], _values[p]));
        return copy;
    }

    /// <summary>
    /// The adapter alone, in llama.cpp's LoRA format: <c>general.type = adapter</c>, <c>adapter.type = lora</c>,
    /// <c>adapter.lora.alpha</c>, and <c>&lt;weight&gt;.lora_a</c> [n_in, r] / <c>.lora_b</c> [r, n_out] tensors.
    /// </summary>
    public GgufDocument ExportAdapter()
    {
        var lora = _options.Lora ?? throw new InvalidOperationException("This trainer trains every weight; there is no adapter.");
        var adapter = new GgufDocument();
        adapter.Set("general.architecture", (string)_model.Get("general.architecture")!);
        adapter.Set("general.type", "adapter");
        adapter.Set("adapter.type", "lora");
        adapter.Set("adapter.lora.alpha", lora.Alpha);
        for (var p = 0; p < _parameters.Length; p++)
            adapter.Tensors.Add(Tensor(_parameters[p], _values[p]));
        return adapter;
    }

    /// <summary>The base with the adapter merged in, as F32 weights (quantized bases are dequantized).</summary>
    private GgufDocument ExportMerged()
    {
        var lora = _options.Lora!;
        var copy = CopyMetadata();
        copy.Set("general.file_type", new GgufValueType(4, 0), 0u); // LLAMA_FTYPE_ALL_F32
        var values = _parameters.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => _values[x.i], StringComparer.Ordinal);
        foreach (var t in _model.Tensors)
        {
            var w = TensorMath.ToFloats(t);
            var (a, b) = LoraOptions.TensorNames(t.Name);
            if (values.TryGetValue(a, out var av))
                TensorMath.AddLowRank(w, av, values[b], (int)t.Dimensions[0], (int)t.Dimensions[1], lora.Rank, lora.Alpha / lora.Rank);
            copy.Tensors.Add(new GgufTensor(t.Name, t.Dimensions, GgmlConst.TypeF32, MemoryMarshal.AsBytes(w.AsSpan()).ToArray()));
        }
        return copy;
    }

    /// <summary>
    /// Writes a checkpoint: weights, AdamW moments and the step count, at an optimizer-step boundary. Resuming from
    /// it and training on gives the same weights as never stopping.
    /// </summary>
    public void SaveCheckpoint(string path, IReadOnlyDictionary<string, uint>? extra = null)
    {
        if (_windowsInCycle != 0)
            throw new InvalidOperationException($"A checkpoint is taken between optimizer steps; {_windowsInCycle} of {_options.GradientAccumulation} windows of this step are done.");
        // Full fine-tuning: the current weights. LoRA: the untouched base plus the adapter's current values.
        var checkpoint = _options.Lora is null ? ExportFull() : CopyMetadata();
        if (_options.Lora is not null)
        {
            checkpoint.Tensors.AddRange(_model.Tensors);
            for (var p = 0; p < _parameters.Length; p++)
                checkpoint.Tensors.Add(Tensor(_parameters[p], _values[p]));
        }
        checkpoint.Set(StepsKey, (uint)_adam.Steps);
        foreach (var (key, value) in extra ?? new Dictionary<string, uint>())
            checkpoint.Set(key, value);
        for (var p = 0; p < _parameters.Length; p++)
        {
            checkpoint.Tensors.Add(Tensor(MomentPrefix + _parameters[p], _adam.First[p]));
            checkpoint.Tensors.Add(Tensor(VariancePrefix + _parameters[p], _adam.Second[p]));
        }
        checkpoint.Write(path);
    }

    /// <summary>Continues training from a checkpoint written by <see cref="SaveCheckpoint"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a trainer checkpoint.</exception>
    public static LlamaTrainer Resume(string checkpointPath, TrainerOptions options) => Resume(GgufDocument.Read(checkpointPath), checkpointPath, options);

    /// <summary>Continues training from a checkpoint already read.</summary>
    public static LlamaTrainer Resume(GgufDocument checkpoint, string checkpointPath, TrainerOptions options)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        if (checkpoint.Get(StepsKey) is not uint steps)
            throw new InvalidDataException($"{checkpointPath}: not a trainer checkpoint (no '{StepsKey}').");
        var model = new GgufDocument();
        model.CopyMetadataFrom(checkpoint, k => !k.StartsWith("oeval.checkpoint.", StringComparison.Ordinal));
        model.Tensors.AddRange(checkpoint.Tensors.Where(t => !t.Name.StartsWith("oeval.adamw.", StringComparison.Ordinal)
            && !t.Name.EndsWith(".lora_a", StringComparison.Ordinal) && !t.Name.EndsWith(".lora_b", StringComparison.Ordinal)));
        var trainer = new LlamaTrainer(model, checkpointPath, options);
        for (var p = 0; p < trainer._parameters.Length; p++)
        {
            Floats(checkpoint.Tensor(trainer._parameters[p])).CopyTo(trainer._values[p]);
            TrainingWeights.Upload(trainer._weights[trainer._parameters[p]], (ReadOnlySpan<float>)trainer._values[p]);
            Floats(checkpoint.Tensor(MomentPrefix + trainer._parameters[p])).CopyTo(trainer._adam.First[p]);
            Floats(checkpoint.Tensor(VariancePrefix + trainer._parameters[p])).CopyTo(trainer._adam.Second[p]);
        }
        trainer._adam.Steps = (int)steps;
        return trainer;
    }

    /// <summary>A copy of the current weights, to come back to with <see cref="Restore"/> (early stopping keeps the best).</summary>
    public float[][] Snapshot() => _values.Select(v => (float[])v.Clone()).ToArray();

    /// <summary>Puts back weights taken by <see cref="Snapshot"/>; optimizer state is left as it is.</summary>
    public void Restore(float[][] snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        for (var p = 0; p < _parameters.Length; p++)
        {
            snapshot[p].CopyTo(_values[p], 0);
            TrainingWeights.Upload(_weights[_parameters[p]], (ReadOnlySpan<float>)_values[p]);
        }
    }

    private static ReadOnlySpan<float> Floats(GgufTensor tensor) => MemoryMarshal.Cast<byte, float>(tensor.Data.AsSpan());

    private GgufTensor Tensor(string name, float[] values) =>
        new(name, _dimensions[StripPrefix(name)], GgmlConst.TypeF32, MemoryMarshal.AsBytes(values.AsSpan()).ToArray());

    private static string StripPrefix(string name) =>
        name.StartsWith(MomentPrefix, StringComparison.Ordinal) ? name[MomentPrefix.Length..]
        : name.StartsWith(VariancePrefix, StringComparison.Ordinal) ? name[VariancePrefix.Length..] : name;

    private GgufDocument CopyMetadata()
    {
        var copy = new GgufDocument();
        copy.CopyMetadataFrom(_model);
        return copy;
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
