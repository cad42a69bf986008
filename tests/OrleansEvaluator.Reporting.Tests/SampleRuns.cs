using OrleansEvaluator.Runs;

namespace OrleansEvaluator.Reporting.Tests;

/// <summary>A run status built by hand: the first judge and 3 iterations, 2 benchmarks (one with subsets).</summary>
internal static class SampleRuns
{
    public const string Judge0 = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    public static RunStatus ThreeIterations() => new()
    {
        RunId = "sample",
        Phase = RunPhase.Completed,
        Iteration = 3,
        Iterations = 3,
        Instructions = 1200,
        MalformedLines = 3,
        Selected = 1000,
        Pairs = 968,
        PairFailures = new Dictionary<string, int> { ["no-modified-instruction"] = 20, ["empty-answer"] = 12 },
        Shards = 4,
        ShardsDone = 4,
        Reports =
        [
            new IterationReport
            {
                Iteration = 0,
                JudgeModel = Judge0,
                Scores = [Reward(0.612, 0.55, 0.18, 2, chat: 0.80, hard: 0.41), Mt(0.58)],
            },
            Judged(1, "sha256:aaaaaaaaaaaa1111", samples: 7744, correct: 5030, parseFailures: 44, a: 3900, b: 3800,
                accepted: 701, rate: 701 / 968.0, seconds: 312.5, loss: 0.8123, steps: 88,
                [Reward(0.655, 0.60, 0.14, 1, chat: 0.85, hard: 0.46), Mt(0.60)]),
            // A judge not scored on MT-Bench: its accuracy is null, not 0.
            Judged(2, "sha256:bbbbbbbbbbbb2222", samples: 7744, correct: 5480, parseFailures: 12, a: 3870, b: 3862,
                accepted: 812, rate: 812 / 968.0, seconds: 301.0, loss: 0.6047, steps: 102,
                [Reward(0.701, 0.66, 0.11, 0, chat: 0.88, hard: null), new BenchmarkScore("mt-bench", 0, null, null, null, 0, 0, 0, "sha256:e2")]),
            Judged(3, "sha256:cccccccccccc3333", samples: 7744, correct: 5712, parseFailures: 5, a: 3868, b: 3871,
                accepted: 850, rate: 850 / 968.0, seconds: 298.25, loss: 0.5511, steps: 106,
                [Reward(0.724, 0.69, 0.09, 0, chat: 0.90, hard: 0.55), Mt(0.64)]),
        ],
    };

    private static IterationReport Judged(int iteration, string judge, int samples, int correct, int parseFailures, int a, int b,
        int accepted, double rate, double seconds, double loss, int steps, IReadOnlyList<BenchmarkScore> scores) => new()
        {
            Iteration = iteration,
            JudgeModel = judge,
            Pairs = 968,
            Samples = samples,
            CorrectSamples = correct,
            ParseFailures = parseFailures,
            VerdictsA = a,
            VerdictsB = b,
            Accepted = accepted,
            Exercises = accepted * 2,
            Replayed = accepted * 3 / 7,
            AcceptanceRate = rate,
            Drops = new Dictionary<string, int> { ["no-correct-sample"] = 968 - accepted },
            TrainedModel = $"sha256:model{iteration}",
            TrainLoss = loss,
            TrainSteps = steps,
            JudgeSeconds = seconds,
            TrainSeconds = 60,
            Scores = scores,
        };

    private static BenchmarkScore Reward(double accuracy, double consistent, double flips, int parseFailures, double chat, double? hard)
    {
        var subsets = new Dictionary<string, double> { ["chat"] = chat };
        if (hard is { } h)
            subsets["chat-hard"] = h;
        return new BenchmarkScore("rewardbench", 500, accuracy, consistent, flips, parseFailures, 480, 518, "sha256:e1") { Subsets = subsets };
    }

    private static BenchmarkScore Mt(double accuracy) => new("mt-bench", 120, accuracy, null, null, 1, 60, 59, "sha256:e2");
}
