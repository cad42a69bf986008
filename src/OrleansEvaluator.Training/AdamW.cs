using System.Numerics;

namespace OrleansEvaluator.Training;

/// <summary>
/// AdamW with decoupled weight decay, as ggml's <c>OPT_STEP_ADAMW</c> computes it, held in managed memory so that
/// its state (moments and step count) can be checkpointed and restored exactly.
/// </summary>
internal sealed class AdamW
{
    public const float Beta1 = 0.9f;
    public const float Beta2 = 0.999f;
    public const float Epsilon = 1e-8f;

    public AdamW(IReadOnlyList<int> sizes)
    {
        First = sizes.Select(n => new float[n]).ToArray();
        Second = sizes.Select(n => new float[n]).ToArray();
    }

    /// <summary>First moments, one array per parameter tensor.</summary>
    public float[][] First { get; }

    /// <summary>Second moments.</summary>
    public float[][] Second { get; }

    /// <summary>Updates taken.</summary>
    public int Steps { get; set; }

    /// <summary>Applies one update to every parameter tensor; gradients are multiplied by <paramref name="gradientScale"/> first.</summary>
    public void Update(float[][] weights, float[][] gradients, float gradientScale, float learningRate, float weightDecay)
    {
        Steps++;
        var beta1h = 1f / (1f - MathF.Pow(Beta1, Steps));
        var beta2h = 1f / (1f - MathF.Pow(Beta2, Steps));
        var keep = 1f - learningRate * weightDecay;
        for (var p = 0; p < weights.Length; p++)
        {
            var w = weights[p];
            var g = gradients[p];
            var m = First[p];
            var v = Second[p];
            var i = 0;
            if (Vector.IsHardwareAccelerated)
            {
                var b1 = new Vector<float>(Beta1);
                var b1c = new Vector<float>(1f - Beta1);
                var b2 = new Vector<float>(Beta2);
                var b2c = new Vector<float>(1f - Beta2);
                var h1 = new Vector<float>(beta1h);
                var h2 = new Vector<float>(beta2h);
                var eps = new Vector<float>(Epsilon);
                var k = new Vector<float>(keep);
                var lr = new Vector<float>(learningRate);
                var scale = new Vector<float>(gradientScale);
                for (; i <= w.Length - Vector<float>.Count; i += Vector<float>.Count)
                {
                    var gv = new Vector<float>(g, i) * scale;
                    var mv = new Vector<float>(m, i) * b1 + gv * b1c;
                    var vv = new Vector<float>(v, i) * b2 + gv * gv * b2c;
                    mv.CopyTo(m, i);
                    vv.CopyTo(v, i);
                    var update = lr * (mv * h1) / (Vector.SquareRoot(vv * h2) + eps);
                    (new Vector<float>(w, i) * k - update).CopyTo(w, i);
                }
            }
            for (; i < w.Length; i++)
            {
                var gi = g[i] * gradientScale;
                m[i] = m[i] * Beta1 + gi * (1f - Beta1);
                v[i] = v[i] * Beta2 + gi * gi * (1f - Beta2);
                var mh = m[i] * beta1h;
                var vh = MathF.Sqrt(v[i] * beta2h) + Epsilon;
                w[i] = w[i] * keep - learningRate * mh / vh;
            }
        }
    }
}
