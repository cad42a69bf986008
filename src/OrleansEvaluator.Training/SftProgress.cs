namespace OrleansEvaluator.Training;

/// <summary>Progress of an SFT run, reported after every optimizer step and every epoch.</summary>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="Step">Optimizer steps so far.</param>
/// <param name="TotalSteps">Optimizer steps the run plans.</param>
/// <param name="Loss">Mean loss per target token of the last step's windows.</param>
/// <param name="TokensPerSecond">Window tokens processed per second over the run so far.</param>
/// <param name="ValidationLoss">Validation loss, on the report that ends an epoch.</param>
public sealed record SftProgress(int Epoch, int Step, int TotalSteps, double Loss, double TokensPerSecond, double? ValidationLoss);
