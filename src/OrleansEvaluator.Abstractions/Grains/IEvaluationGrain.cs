using OrleansEvaluator.Runs;

namespace OrleansEvaluator.Grains;

/// <summary>Scores one iteration's judge (key: <c>run/iteration</c>) on held-out benchmarks; idempotent per benchmark.</summary>
public interface IEvaluationGrain : IGrainWithStringKey
{
    /// <summary>Judges every non-tie item and computes the scores.</summary>
    [ResponseTimeout("12:00:00")]
    Task<BenchmarkScore> EvaluateAsync(EvaluationWork work);
}
