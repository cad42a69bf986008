namespace OrleansEvaluator.Grains.Pipeline;

/// <summary>Runs by id (true when finished), and their order of submission.</summary>
[GenerateSerializer, Alias("oeval.RunIndexState")]
public sealed class RunIndexState
{
    [Id(0)]
    public Dictionary<string, bool> Runs { get; set; } = new(StringComparer.Ordinal);

    [Id(1)]
    public List<string> Order { get; set; } = [];
}
