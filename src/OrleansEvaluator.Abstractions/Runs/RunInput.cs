namespace OrleansEvaluator.Runs;

/// <summary>One input file of a run, uploaded to the artifact store by the submitter so that every silo can read it.</summary>
/// <param name="Kind">What it is: one of <see cref="RunInputKinds"/>.</param>
/// <param name="Name">The file's name as the user gave it (used in messages and as a benchmark's name).</param>
/// <param name="ArtifactId"><c>sha256:</c> id of its bytes in the artifact store.</param>
[GenerateSerializer, Immutable, Alias("oeval.RunInput")]
public sealed record RunInput([property: Id(0)] string Kind, [property: Id(1)] string Name, [property: Id(2)] string ArtifactId);
