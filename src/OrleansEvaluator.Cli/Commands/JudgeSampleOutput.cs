using OrleansEvaluator.Data;
using OrleansEvaluator.Generation;

namespace OrleansEvaluator.Cli.Commands;

/// <summary>One vote of <c>oeval judge</c>: the judge's text and the verdict parsed from it.</summary>
internal sealed record JudgeSampleOutput(int Index, string Text, Verdict? Verdict, VerdictFailure Failure, FinishReason Finish, int Tokens);
