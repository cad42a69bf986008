namespace OrleansEvaluator.Cli.Commands;

/// <summary>How <c>oeval eval</c> and <c>oeval judge</c> run a judge model, checked by <see cref="JudgeOptionSet.Read"/>.</summary>
internal sealed record JudgeSettings(
    string ModelPath,
    int Votes,
    float Temperature,
    int MaxTokens,
    uint Seed,
    string? PromptTemplate,
    bool Grammar,
    int Threads,
    int Context,
    bool Verbose)
{
    /// <summary>The built-in prompt set used when <see cref="PromptTemplate"/> is null.</summary>
    public string PromptSet { get; init; } = Core.Prompts.PromptSets.Default;
}
