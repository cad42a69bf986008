using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Placement;
using OrleansEvaluator.Artifacts;
using OrleansEvaluator.Core.Metrics;
using OrleansEvaluator.Core.Prompts;
using OrleansEvaluator.Data;
using OrleansEvaluator.Grains.Placement;
using OrleansEvaluator.Grains.Registry;
using OrleansEvaluator.Inference.Grammars;
using OrleansEvaluator.Runs;

namespace OrleansEvaluator.Grains.Pipeline;

/// <summary>
/// Scores one iteration's judge on held-out benchmarks: every non-tie item in both orders (or one seeded order),
/// fanned out to the workers in chunks and persisted per chunk like a shard stage.
/// </summary>
[SiloRoleFilter(SiloRoles.Coordinator)]
[RandomPlacement]
public sealed class EvaluationGrain : Grain, IEvaluationGrain
{
    private readonly StageRunner _runner;
    private readonly IArtifactStore _store;

    public EvaluationGrain(
        [PersistentState("evaluation", ModelRegistryGrain.StorageName)] IPersistentState<ShardState> state,
        IArtifactStore store,
        IGrainFactory grains,
        IOptions<PipelineOptions> options,
        ILogger<EvaluationGrain> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _runner = new StageRunner(state, store, new WorkerFanout(grains, options.Value, logger), options.Value.ChunkSize);
    }

    private int Iteration => int.Parse(this.GetPrimaryKeyString().AsSpan(this.GetPrimaryKeyString().LastIndexOf('/') + 1), System.Globalization.CultureInfo.InvariantCulture);

    public async Task<BenchmarkScore> EvaluateAsync(EvaluationWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var progress = _runner.Progress($"evaluate/{work.Benchmark}", StageRunner.KeyOf(work));
        if (progress.Report is null)
        {
            var started = DateTime.UtcNow;
            var items = (await _store.GetAsync<PairwiseItem>(work.ItemsArtifact)).Where(i => !i.Tie).ToArray();
            var chunks = await _runner.RunAsync($"{this.GetPrimaryKeyString()}/evaluate/{work.Benchmark}", progress, items,
                (worker, chunk) => EvaluateChunkAsync(worker, chunk, work), CancellationToken.None);
            var artifact = await _runner.ConcatAsync<EvaluationResult>(chunks.Select(c => c.Artifact), CancellationToken.None);
            await _runner.FinishAsync(progress, new ShardReport(0, items.Length, chunks.Sum(c => c.Produced), artifact,
                StageRunner.Merge(chunks), (DateTime.UtcNow - started).TotalSeconds));
        }
        var results = await _store.GetAsync<EvaluationResult>(progress.Report!.Artifact);
        return BenchmarkScorer.Of(work.Benchmark, progress.Report.Items, results, progress.Report.Artifact, work.Sampling.Samples);
    }

    private async Task<ChunkResult> EvaluateChunkAsync(IInferenceWorkerGrain worker, IReadOnlyList<PairwiseItem> items, EvaluationWork work)
    {
        var calls = items.SelectMany(item => Orders(item.Id, work).Select(order => JudgeAsync(worker, item, order, work))).ToArray();
        var outcomes = await Task.WhenAll(calls);
        var rows = outcomes.SelectMany(o => o.Rows).ToArray();
        var failures = outcomes.Where(o => o.Failure is not null).GroupBy(o => o.Failure!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new ChunkResult(await _store.PutAsync<EvaluationResult>(rows), null, items.Count, rows.Length, failures);
    }

    private static IEnumerable<PresentationOrder> Orders(string itemId, EvaluationWork work) =>
        work.BothOrders
            ? [PresentationOrder.ChosenFirst, PresentationOrder.ChosenSecond]
            : [Seeds.For(work.Seed, $"eval-order|{itemId}") % 2 == 0 ? PresentationOrder.ChosenFirst : PresentationOrder.ChosenSecond];

    private async Task<(IReadOnlyList<EvaluationResult> Rows, string? Failure)> JudgeAsync(
        IInferenceWorkerGrain worker, PairwiseItem item, PresentationOrder order, EvaluationWork work)
    {
        var (a, b) = order == PresentationOrder.ChosenFirst ? (item.Chosen, item.Rejected) : (item.Rejected, item.Chosen);
        var judge = work.Judge.ContentId;
        var prompt = PromptCache.Judge(work.JudgeTemplate);
        try
        {
            var result = await worker.GenerateWithAsync(work.Judge, work.Sampling.Request(judge, prompt.Format(item.Prompt, a, b),
                Seeds.For(work.Seed, $"eval|{item.Id}|{order}"), VerdictGrammar.ForMaxTokens));
            return (result.Samples.Select(s =>
            {
                var parse = prompt.Parse(s.Text);
                return new EvaluationResult(item.Id, item.Benchmark, item.Subset, order, s.Index, judge, Iteration, s.Text, parse.Verdict, parse.Failure);
            }).ToArray(), null);
        }
        catch (ArgumentException e)
        {
            // The judge cannot read this item (characters outside its vocabulary, longer than its context): it
            // counts as an unparseable verdict, which scores 0.5, and the reason is kept.
            return ([new EvaluationResult(item.Id, item.Benchmark, item.Subset, order, 0, judge, Iteration, "(not judged: " + e.Message + ")", null, VerdictFailure.NoVerdict)],
                "not judged: refused by the model (text or length)");
        }
    }
}
