namespace OrleansEvaluator.Grains.Simulation;

/// <summary>A simulated worker: every request takes <see cref="Latency"/>, and at most <see cref="Capacity"/> run at once.</summary>
public sealed class SimulatedWorkerOptions
{
    /// <summary>Time one request takes, whatever its size (like a batched engine's step-bound latency).</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Requests served at once (like an engine's sequence slots); more wait.</summary>
    public int Capacity { get; set; } = 8;

    /// <summary>Every problem, each naming its field.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Latency < TimeSpan.Zero)
            errors.Add($"Latency: must not be negative (got {Latency}).");
        if (Capacity < 1)
            errors.Add($"Capacity: must be at least 1 (got {Capacity}).");
        return errors;
    }
}
