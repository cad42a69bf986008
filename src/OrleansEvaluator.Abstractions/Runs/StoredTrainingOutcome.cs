namespace OrleansEvaluator.Runs;

/// <summary>The model a <see cref="StoredTrainingJob"/> produced, by content id, with its last loss.</summary>
[GenerateSerializer, Immutable, Alias("oeval.StoredTrainingOutcome")]
public sealed record StoredTrainingOutcome([property: Id(0)] string Model, [property: Id(1)] int Steps, [property: Id(2)] double? FinalLoss, [property: Id(3)] double Seconds);
