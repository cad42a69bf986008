using OrleansEvaluator.Data;

namespace OrleansEvaluator.Cli.Commands;

/// <summary>One benchmark judged by <see cref="LocalEvaluation"/>: every row, and what was left out or refused.</summary>
/// <param name="Name">The benchmark (its file name without extension).</param>
/// <param name="Items">Items judged (ties excluded).</param>
/// <param name="Ties">Tie items skipped: a tie has no chosen answer to score against.</param>
/// <param name="Rows">Every judgment, in item, order and vote order.</param>
/// <param name="NotJudged">Item orders the model refused (one unparseable row each), by reason.</param>
/// <param name="Seconds">Wall time of the judging.</param>
internal sealed record BenchmarkRun(
    string Name,
    int Items,
    int Ties,
    IReadOnlyList<EvaluationResult> Rows,
    IReadOnlyDictionary<string, int> NotJudged,
    double Seconds);
