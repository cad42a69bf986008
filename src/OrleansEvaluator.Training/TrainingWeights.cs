using OrleansEvaluator.Inference.Gguf;
using OrleansEvaluator.Training.Native;

namespace OrleansEvaluator.Training;

/// <summary>
/// A model's tensors on the CPU backend, plus the static graph inputs (tokens, positions, attention mask, loss
/// mask) for windows of <see cref="ContextLength"/> tokens. F16 weights are widened to F32; Q8_0 weights stay
/// quantized (they can only be frozen bases for LoRA).
/// </summary>
internal sealed unsafe class TrainingWeights : IDisposable
{
    private readonly GgmlContextHandle _context;
    private readonly GgmlBufferHandle _buffer;
    private readonly Dictionary<string, IntPtr> _tensors = new(StringComparer.Ordinal);

    public TrainingWeights(GgufDocument model, LlamaHyperParameters shape, int contextLength, IntPtr backend, bool trainable = false, LoraOptions? lora = null)
    {
        Shape = shape;
        ContextLength = contextLength;
        Lora = lora;
        var adapted = lora is null ? [] : model.Tensors.Where(t => t.Dimensions.Count == 2 && lora.TargetModules.Any(m => t.Name.EndsWith($".{m}.weight", StringComparison.Ordinal))).ToArray();
        var count = (nuint)(model.Tensors.Count + 2 * adapted.Length + 8);
        _context = new GgmlContextHandle(GgmlApi.ggml_init(new GgmlInitParams { MemSize = count * GgmlApi.ggml_tensor_overhead(), NoAlloc = 1 }));
        var ctx = _context.DangerousGetHandle();
        foreach (var t in model.Tensors)
        {
            var type = t.Type == GgmlConst.TypeF16 ? GgmlConst.TypeF32 : (int)t.Type;
            var tensor = t.Dimensions.Count == 1
                ? GgmlApi.ggml_new_tensor_1d(ctx, type, t.Dimensions[0])
                : GgmlApi.ggml_new_tensor_2d(ctx, type, t.Dimensions[0], t.Dimensions[1]);
            GgmlApi.ggml_set_name(tensor, t.Name);
            if (trainable && lora is null)
                GgmlApi.ggml_set_param(tensor);
            _tensors[t.Name] = tensor;
        }
        foreach (var t in adapted)
        {
            var (a, b) = LoraOptions.TensorNames(t.Name);
            foreach (var (name, ne0, ne1) in new[] { (a, t.Dimensions[0], (long)lora!.Rank), (b, (long)lora.Rank, t.Dimensions[1]) })
            {
                var tensor = GgmlApi.ggml_new_tensor_2d(ctx, GgmlConst.TypeF32, ne0, ne1);
                GgmlApi.ggml_set_name(tensor, name);
                GgmlApi.ggml_set_param(tensor);
                _tensors[name] = tensor;
                AdapterTensors.Add(name);
            }
        }
        Tokens = Input(GgmlApi.ggml_new_tensor_1d(ctx, GgmlConst.TypeI32, contextLength), "tokens");
        Positions = Input(GgmlApi.ggml_new_tensor_1d(ctx, GgmlConst.TypeI32, contextLength), "pos");
        AttentionMask = Input(GgmlApi.ggml_new_tensor_2d(ctx, GgmlConst.TypeF32, contextLength, contextLength), "kq_mask");
        LossMask = Input(GgmlApi.ggml_new_tensor_2d(ctx, GgmlConst.TypeF32, 1, contextLength), "loss_mask");
        _buffer = new GgmlBufferHandle(GgmlApi.ggml_backend_alloc_ctx_tensors(ctx, backend));
        if (_buffer.IsInvalid)
            throw new InvalidOperationException("ggml could not allocate the model's tensors.");

        foreach (var t in model.Tensors)
            Upload(_tensors[t.Name], t.Type == GgmlConst.TypeF16 ? WidenF16(t.Data) : t.Data);

        // A ~ U(±1/√n_in) from the adapter's seed, B = 0: the adapted model starts equal to the base.
        var random = new Random(unchecked((int)(lora?.Seed ?? 0)));
        foreach (var t in adapted)
        {
            var (a, b) = LoraOptions.TensorNames(t.Name);
            var bound = 1f / MathF.Sqrt(t.Dimensions[0]);
            Upload(_tensors[a], (ReadOnlySpan<float>)Enumerable.Range(0, (int)(t.Dimensions[0] * lora!.Rank)).Select(_ => (random.NextSingle() * 2 - 1) * bound).ToArray());
            Upload(_tensors[b], (ReadOnlySpan<float>)new float[lora.Rank * t.Dimensions[1]]);
        }
    }

    /// <summary>The adapter, if any.</summary>
    public LoraOptions? Lora { get; }

    /// <summary>Names of the adapter tensors, in creation order (A then B per adapted weight).</summary>
    public List<string> AdapterTensors { get; } = [];

    public LlamaHyperParameters Shape { get; }

    public int ContextLength { get; }

    public IntPtr Tokens { get; }

    public IntPtr Positions { get; }

    public IntPtr AttentionMask { get; }

    public IntPtr LossMask { get; }

    public IntPtr this[string name] => _tensors[name];

    public bool Has(string name) => _tensors.ContainsKey(name);

    public IEnumerable<string> Names => _tensors.Keys;

    /// <summary>Uploads the inputs of one window: tokens, positions, a segment-aware causal mask and the loss mask.</summary>
    public void UploadWindow(TrainingWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        Upload(Tokens, window.Tokens.AsSpan(0, ContextLength));
        Upload(Positions, (ReadOnlySpan<int>)window.Positions);
        Upload(AttentionMask, (ReadOnlySpan<float>)WindowInputs.SegmentedCausalMask(window.Segments));
        Upload(LossMask, (ReadOnlySpan<float>)window.Targets.Select(t => t ? 1f : 0f).ToArray());
    }

    public static void Upload<T>(IntPtr tensor, ReadOnlySpan<T> data) where T : unmanaged
    {
        fixed (T* p = data)
            GgmlApi.ggml_backend_tensor_set(tensor, p, 0, (nuint)(data.Length * sizeof(T)));
    }

    private static void Upload(IntPtr tensor, byte[] data) => Upload(tensor, (ReadOnlySpan<byte>)data);

    /// <summary>Copies an F32 tensor into <paramref name="destination"/>, which must hold exactly its elements.</summary>
    public static void Download(IntPtr tensor, float[] destination)
    {
        var bytes = GgmlApi.ggml_nbytes(tensor);
        if (bytes != (nuint)destination.Length * sizeof(float))
            throw new ArgumentException($"Destination holds {destination.Length} floats; the tensor has {bytes} bytes.", nameof(destination));
        fixed (float* p = destination)
            GgmlApi.ggml_backend_tensor_get(tensor, p, 0, bytes);
    }

    public static byte[] Download(IntPtr tensor)
    {
        var data = new byte[GgmlApi.ggml_nbytes(tensor)];
        fixed (byte* p = data)
            GgmlApi.ggml_backend_tensor_get(tensor, p, 0, (nuint)data.Length);
        return data;
    }

    private static IntPtr Input(IntPtr tensor, string name)
    {
        GgmlApi.ggml_set_name(tensor, name);
        GgmlApi.ggml_set_input(tensor);
        return tensor;
    }

    private static byte[] WidenF16(byte[] data)
    {
        var halves = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, Half>(data.AsSpan());
        var result = new byte[halves.Length * 4];
        var floats = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(result.AsSpan());
        for (var i = 0; i < halves.Length; i++)
            floats[i] = (float)halves[i];
        return result;
    }

    public void Dispose()
    {
        _buffer.Dispose();
        _context.Dispose();
    }
}
