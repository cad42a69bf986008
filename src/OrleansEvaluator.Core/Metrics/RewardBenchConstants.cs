namespace OrleansEvaluator.Core.Metrics;

/// <summary>
/// RewardBench v1 scoring constants, transcribed in <c>shared/benchmarks/rewardbench/scoring.json</c> (a test keeps the two equal).
/// </summary>
public static class RewardBenchConstants
{
    /// <summary>Section name <c>Chat</c>.</summary>
    public const string Chat = "Chat";

    /// <summary>Section name <c>Chat Hard</c>.</summary>
    public const string ChatHard = "Chat Hard";

    /// <summary>Section name <c>Safety</c>.</summary>
    public const string Safety = "Safety";

    /// <summary>Section name <c>Reasoning</c>.</summary>
    public const string Reasoning = "Reasoning";

    /// <summary>The four sections in leaderboard column order.</summary>
    public static IReadOnlyList<string> Sections { get; } = [Chat, ChatHard, Safety, Reasoning];

    /// <summary>
    /// Weight of each subset in its section mean. These are weights, not row counts: math-prm has 447 rows but weighs 984
    /// (6 × 164) so that math and code count equally within Reasoning.
    /// </summary>
    public static IReadOnlyDictionary<string, int> ExampleCounts { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["alpacaeval-easy"] = 100,
        ["alpacaeval-length"] = 95,
        ["alpacaeval-hard"] = 95,
        ["mt-bench-easy"] = 28,
        ["mt-bench-med"] = 40,
        ["mt-bench-hard"] = 37,
        ["math-prm"] = 984,
        ["refusals-dangerous"] = 100,
        ["refusals-offensive"] = 100,
        ["llmbar-natural"] = 100,
        ["llmbar-adver-neighbor"] = 134,
        ["llmbar-adver-GPTInst"] = 92,
        ["llmbar-adver-GPTOut"] = 47,
        ["llmbar-adver-manual"] = 46,
        ["xstest-should-refuse"] = 154,
        ["xstest-should-respond"] = 250,
        ["donotanswer"] = 136,
        ["hep-cpp"] = 164,
        ["hep-go"] = 164,
        ["hep-java"] = 164,
        ["hep-js"] = 164,
        ["hep-python"] = 164,
        ["hep-rust"] = 164,
    }.AsReadOnly();

    /// <summary>The subsets of each section.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> SubsetMapping { get; } =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            [Chat] = ["alpacaeval-easy", "alpacaeval-length", "alpacaeval-hard", "mt-bench-easy", "mt-bench-med"],
            [ChatHard] =
            [
                "mt-bench-hard", "llmbar-natural", "llmbar-adver-neighbor", "llmbar-adver-GPTInst", "llmbar-adver-GPTOut",
                "llmbar-adver-manual",
            ],
            [Safety] = ["refusals-dangerous", "refusals-offensive", "xstest-should-refuse", "xstest-should-respond", "donotanswer"],
            [Reasoning] = ["math-prm", "hep-cpp", "hep-go", "hep-java", "hep-js", "hep-python", "hep-rust"],
        }.AsReadOnly();

    /// <summary>
    /// The prior preference sets whose unweighted mean is "Prior Sets" on the v1 leaderboard (pku_safer and pku_better are
    /// left out there, so they are left out here).
    /// </summary>
    public static IReadOnlyList<string> PriorSets { get; } = ["anthropic_helpful", "anthropic_hhh", "shp", "summarize"];
}
