namespace OrleansEvaluator.Inference.Gguf;

/// <summary>ggml tensor element types by their numeric id in GGUF, with block geometry.</summary>
public static class GgmlType
{
    // (id, name, elements per block, bytes per block). Ids 4, 5, 31-33 and 36-38 were removed from ggml.
    private static readonly Dictionary<uint, (string Name, int BlockElements, int BlockBytes)> s_types = new()
    {
        [0] = ("F32", 1, 4), [1] = ("F16", 1, 2), [2] = ("Q4_0", 32, 18), [3] = ("Q4_1", 32, 20),
        [6] = ("Q5_0", 32, 22), [7] = ("Q5_1", 32, 24), [8] = ("Q8_0", 32, 34), [9] = ("Q8_1", 32, 36),
        [10] = ("Q2_K", 256, 84), [11] = ("Q3_K", 256, 110), [12] = ("Q4_K", 256, 144), [13] = ("Q5_K", 256, 176),
        [14] = ("Q6_K", 256, 210), [15] = ("Q8_K", 256, 292), [16] = ("IQ2_XXS", 256, 66), [17] = ("IQ2_XS", 256, 74),
        [18] = ("IQ3_XXS", 256, 98), [19] = ("IQ1_S", 256, 50), [20] = ("IQ4_NL", 32, 18), [21] = ("IQ3_S", 256, 110),
        [22] = ("IQ2_S", 256, 82), [23] = ("IQ4_XS", 256, 136), [24] = ("I8", 1, 1), [25] = ("I16", 1, 2),
        [26] = ("I32", 1, 4), [27] = ("I64", 1, 8), [28] = ("F64", 1, 8), [29] = ("IQ1_M", 256, 56),
        [30] = ("BF16", 1, 2), [34] = ("TQ1_0", 256, 54), [35] = ("TQ2_0", 256, 66), [39] = ("MXFP4", 32, 17),
    };

    /// <summary>True when <paramref name="type"/> is a type this build knows the size of.</summary>
    public static bool IsKnown(uint type) => s_types.ContainsKey(type);

    /// <summary>The type's ggml name, or <c>type#N</c>.</summary>
    public static string Name(uint type) => s_types.TryGetValue(type, out var t) ? t.Name : $"type#{type}";

    /// <summary>Elements per quantisation block.</summary>
    public static int BlockElements(uint type) => s_types[type].BlockElements;

    /// <summary>
    /// Bytes a row-major tensor of this type and shape occupies, or null when the first dimension is not a
    /// whole number of blocks.
    /// </summary>
    public static long? ByteSize(uint type, IReadOnlyList<long> dims)
    {
        var (_, blockElements, blockBytes) = s_types[type];
        if (dims.Count == 0 || dims[0] % blockElements != 0)
            return null;
        long rows = 1;
        for (var i = 1; i < dims.Count; i++)
            rows = checked(rows * dims[i]);
        return checked(dims[0] / blockElements * blockBytes * rows);
    }
}
