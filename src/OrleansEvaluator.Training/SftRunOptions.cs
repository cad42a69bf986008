namespace OrleansEvaluator.Training;

/// <summary>How an SFT run uses its data.</summary>
public sealed record SftRunOptions
{
    /// <summary>Optimizer and window settings; <see cref="TrainerOptions.TotalSteps"/> 0 means "the whole run".</summary>
    public TrainerOptions Trainer { get; init; } = new();

    /// <summary>Passes over the training windows.</summary>
    public int Epochs { get; init; } = 3;

    /// <summary>Share of the examples held out to measure validation loss after every epoch.</summary>
    public double ValidationFraction { get; init; } = 0.1;

    /// <summary>Stop after this many epochs without a better validation loss, and keep the best weights; 0 disables.</summary>
    public int Patience { get; init; }

    /// <summary>Share of every epoch's examples drawn from the replay set (the base model's own data), against forgetting.</summary>
    public double ReplayFraction { get; init; }

    /// <summary>The run's seed: split, shuffles and replay draws all derive from it.</summary>
    public ulong Seed { get; init; }

    /// <summary>Write a checkpoint every this many optimizer steps (0: never) to <see cref="CheckpointPath"/>.</summary>
    public int CheckpointEvery { get; init; }

    /// <summary>Where checkpoints go.</summary>
    public string? CheckpointPath { get; init; }

    /// <summary>Every problem, each naming its field.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = Trainer.Validate().Select(e => "Trainer." + e).ToList();
        if (Epochs < 1)
            errors.Add($"Epochs: must be at least 1 (got {Epochs}).");
        if (ValidationFraction is < 0 or >= 1)
            errors.Add($"ValidationFraction: must be in [0, 1) (got {ValidationFraction}).");
        if (Patience < 0)
            errors.Add($"Patience: must not be negative (got {Patience}).");
        if (ReplayFraction is < 0 or >= 1)
            errors.Add($"ReplayFraction: must be in [0, 1) (got {ReplayFraction}).");
        if (CheckpointEvery < 0 || (CheckpointEvery > 0 && string.IsNullOrWhiteSpace(CheckpointPath)))
            errors.Add("CheckpointEvery/CheckpointPath: a checkpoint interval needs a path.");
        return errors;
    }
}
