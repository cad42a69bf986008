namespace OrleansEvaluator.Runs;

/// <summary>What a client hands the cluster to start a run: the validated config and the uploaded inputs.</summary>
/// <param name="RunId">The run's id (also the key of its grains).</param>
/// <param name="ConfigJson">The run config, validated by the submitter and normalized to JSON.</param>
/// <param name="Inputs">The input files, already in the artifact store.</param>
[GenerateSerializer, Immutable, Alias("oeval.RunSubmission")]
public sealed record RunSubmission([property: Id(0)] string RunId, [property: Id(1)] string ConfigJson, [property: Id(2)] IReadOnlyList<RunInput> Inputs);
