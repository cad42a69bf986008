using System.Runtime.InteropServices;
using OrleansEvaluator.Inference.Gguf;
using OrleansEvaluator.Training.Native;

namespace OrleansEvaluator.Training;

/// <summary>Host-side tensor arithmetic for exporting models.</summary>
internal static class TensorMath
{
    /// <summary>The tensor's values as F32 (F16 widened, Q8_0 dequantized: blocks of an F16 scale and 32 int8).</summary>
    public static float[] ToFloats(GgufTensor tensor)
    {
        switch ((int)tensor.Type)
        {
            case GgmlConst.TypeF32:
                return MemoryMarshal.Cast<byte, float>(tensor.Data.AsSpan()).ToArray();
            case GgmlConst.TypeF16:
                var halves = MemoryMarshal.Cast<byte, Half>(tensor.Data.AsSpan());
                var widened = new float[halves.Length];
                for (var i = 0; i < halves.Length; i++)
                    widened[i] = (float)halves[i];
                return widened;
            case GgmlConst.TypeQ8_0:
                var result = new float[tensor.ElementCount];
                var data = tensor.Data;
                for (var block = 0; block < result.Length / 32; block++)
                {
                    var scale = (float)BitConverter.ToHalf(data, block * 34);
                    for (var i = 0; i < 32; i++)
                        result[block * 32 + i] = scale * (sbyte)data[block * 34 + 2 + i];
                }
                return result;
            default:
                throw new NotSupportedException($"Tensor '{tensor.Name}': {GgmlType.Name(tensor.Type)} cannot be converted to F32 here.");
        }
    }

    /// <summary>w[j, i] += scale · Σ_k b[j, k] · a[k, i] for a weight with ne = [nIn, nOut], a = [nIn, r], b = [r, nOut].</summary>
    public static void AddLowRank(float[] w, float[] a, float[] b, int nIn, int nOut, int rank, float scale)
    {
        for (var j = 0; j < nOut; j++)
        {
            for (var k = 0; k < rank; k++)
            {
                var bjk = b[j * rank + k] * scale;
                if (bjk == 0)
                    continue;
                var row = j * nIn;
                var arow = k * nIn;
                for (var i = 0; i < nIn; i++)
                    w[row + i] += bjk * a[arow + i];
            }
        }
    }
}
