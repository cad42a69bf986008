using OrleansEvaluator.Data;

namespace OrleansEvaluator.Cli.Commands;

/// <summary><c>oeval judge --json</c>: the majority verdict (null on a split or without votes), the votes, every sample.</summary>
internal sealed record JudgeOutput(Verdict? Verdict, int VotesA, int VotesB, int WithoutVerdict, string Prompt, IReadOnlyList<JudgeSampleOutput> Samples);
