using OrleansEvaluator.Inference.Gguf;

namespace OrleansEvaluator.Training;

/// <summary>What an SFT run produced.</summary>
/// <param name="Model">The trained model (the best epoch's weights when early stopping is on).</param>
/// <param name="Epochs">Epochs run.</param>
/// <param name="Steps">Optimizer steps taken.</param>
/// <param name="TrainLoss">Mean training loss per epoch.</param>
/// <param name="ValidationLoss">Validation loss per epoch (empty without a validation split).</param>
/// <param name="StoppedEarly">True when patience ran out.</param>
/// <param name="Adapter">With LoRA, the adapter alone (then <paramref name="Model"/> is the base with it merged in).</param>
public sealed record SftRunResult(GgufDocument Model, int Epochs, int Steps, IReadOnlyList<double> TrainLoss, IReadOnlyList<double> ValidationLoss, bool StoppedEarly,
    GgufDocument? Adapter = null);
