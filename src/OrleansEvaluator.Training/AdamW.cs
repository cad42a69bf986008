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

    /// <summary>Applies one update to every parameter tensor.</summary>
    public void Update(float[][] weights, float[][] gradients, float learningRate, float weightDecay)
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
            for (var i = 0; i < w.Length; i++)
            {
                m[i] = m[i] * Beta1 + g[i] * (1f - Beta1);
                v[i] = v[i] * Beta2 + g[i] * g[i] * (1f - Beta2);
                var mh = m[i] * beta1h;
                var vh = MathF.Sqrt(v[i] * beta2h) + Epsilon;
                w[i] = w[i] * keep - learningRate * mh / vh;
            }
        }
    }
}
