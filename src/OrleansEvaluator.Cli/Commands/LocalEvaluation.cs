using System.Diagnostics;
using OrleansEvaluator.Core.Formats;
using OrleansEvaluator.Core.Import;
using OrleansEvaluator.Core.Sampling;
using OrleansEvaluator.Data;
using OrleansEvaluator.Grains.Pipeline;

namespace OrleansEvaluator.Cli.Commands;

/// <summary>
/// Judges a benchmark file on a <see cref="LocalJudge"/> the way the cluster's evaluation grain does (same prompt, orders,
/// request seeds and treatment of refused items), with every request in flight at once so the engine batches them.
/// </summary>
internal static class LocalEvaluation
{
    /// <summary>Requests in flight at once: enough to fill the engine's batch, few enough to keep memory flat.</summary>
    public const int Concurrency = 64;

    /// <summary>Reads a benchmark; a malformed line stops it with its file and line.</summary>
    public static (IReadOnlyList<PairwiseItem> Items, int Ties) ReadBenchmark(string path, int maxItems, ulong seed)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"--benchmark: no such file: {Path.GetFullPath(path)}", path);
        var all = PairwiseReader.Read(path, MalformedLinePolicy.Fail).Items;
        var kept = all.Where(i => !i.Tie).ToArray();
        if (maxItems > 0 && kept.Length > maxItems)
        {
            // The same seeded choice as a run's evaluation.max_items, so a local score is of the items a run scores.
            kept = kept.OrderBy(i => StableRandom.Hash(seed, $"eval-items|{i.Id}")).Take(maxItems).OrderBy(i => i.Id, StringComparer.Ordinal).ToArray();
        }
        return (kept, all.Count - all.Count(i => !i.Tie));
    }

    /// <summary>The orders an item is shown in: both, or one chosen per item from the seed (as in the evaluation grain).</summary>
    public static IEnumerable<PresentationOrder> Orders(string itemId, bool bothOrders, ulong seed) =>
        bothOrders
            ? [PresentationOrder.ChosenFirst, PresentationOrder.ChosenSecond]
            : [Seeds.For(seed, $"eval-order|{itemId}") % 2 == 0 ? PresentationOrder.ChosenFirst : PresentationOrder.ChosenSecond];

    public static async Task<BenchmarkRun> RunAsync(LocalJudge judge, string name, IReadOnlyList<PairwiseItem> items, int ties, bool bothOrders,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(judge);
        ArgumentNullException.ThrowIfNull(items);
        var seed = (ulong)judge.Settings.Seed;
        var work = items.SelectMany(item => Orders(item.Id, bothOrders, seed).Select(order => (Item: item, Order: order))).ToArray();
        // Requests are built (and checked) before any is sent, so a bad setting is a user error, not N refused items.
        var requests = work.Select(w =>
        {
            var (a, b) = w.Order == PresentationOrder.ChosenFirst ? (w.Item.Chosen, w.Item.Rejected) : (w.Item.Rejected, w.Item.Chosen);
            return judge.Request(w.Item.Prompt, a, b, Seeds.For(seed, $"eval|{w.Item.Id}|{w.Order}"));
        }).ToArray();

        var outcomes = new (IReadOnlyList<EvaluationResult> Rows, string? Refused)[work.Length];
        using var gate = new SemaphoreSlim(Concurrency);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(work.Select(async (w, i) =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                outcomes[i] = await JudgeAsync(judge, w.Item, w.Order, requests[i], cancellationToken);
            }
            finally
            {
                gate.Release();
            }
        }));
        var seconds = clock.Elapsed.TotalSeconds;

        var notJudged = outcomes.Where(o => o.Refused is not null).GroupBy(o => o.Refused!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new BenchmarkRun(name, items.Count, ties, outcomes.SelectMany(o => o.Rows).ToArray(), notJudged, seconds);
    }

    private static async Task<(IReadOnlyList<EvaluationResult> Rows, string? Refused)> JudgeAsync(
        LocalJudge judge, PairwiseItem item, PresentationOrder order, Generation.GenerationRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var result = await judge.JudgeAsync(request, cancellationToken);
            return (result.Samples.Select(s =>
            {
                var parse = judge.Prompt.Parse(s.Text);
                return new EvaluationResult(item.Id, item.Benchmark, item.Subset, order, s.Index, judge.ModelName, 0, s.Text, parse.Verdict, parse.Failure);
            }).ToArray(), null);
        }
        catch (ArgumentException e)
        {
            // The judge cannot read this item (characters outside its vocabulary, longer than its context): like the
            // evaluation grain, it counts as one unparseable verdict, which scores 0.5, and the reason is kept.
            return ([new EvaluationResult(item.Id, item.Benchmark, item.Subset, order, 0, judge.ModelName, 0, "(not judged: " + e.Message + ")", null, VerdictFailure.NoVerdict)],
                Reason(e.Message));
        }
    }

    /// <summary>What kind of refusal an engine message is, so refusals group by kind rather than by item.</summary>
    private static string Reason(string message)
    {
        // The engine's messages start with the request field at fault.
        var field = message.IndexOf(':', StringComparison.Ordinal) is > 0 and var cut ? message[..cut] : message;
        return field switch
        {
            "MaxTokens/Samples" => "longer than the context (raise --context)",
            _ when field.StartsWith("Messages", StringComparison.Ordinal) => "text the model's vocabulary cannot encode",
            _ => field,
        };
    }
}
