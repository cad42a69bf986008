using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Placement;
using OrleansEvaluator.Artifacts;
using OrleansEvaluator.Core.Import;
using OrleansEvaluator.Core.Prompts;
using OrleansEvaluator.Data;
using OrleansEvaluator.Generation;
using OrleansEvaluator.Grains.Placement;
using OrleansEvaluator.Grains.Registry;
using OrleansEvaluator.Inference.Grammars;
using OrleansEvaluator.Runs;

namespace OrleansEvaluator.Grains.Pipeline;

/// <summary>
/// A shard of a run on a coordinator silo. Its stages fan out in chunks to the workers (<see cref="WorkerFanout"/>)
/// and persist per chunk, so a lost worker costs one chunk attempt and a lost coordinator costs the chunks in flight.
/// </summary>
[SiloRoleFilter(SiloRoles.Coordinator)]
[RandomPlacement]
public sealed class ShardGrain : Grain, IShardGrain
{
    private const string SynthesizeStage = "synthesize";

    private readonly StageRunner _runner;
    private readonly IArtifactStore _store;

    public ShardGrain(
        [PersistentState("shard", ModelRegistryGrain.StorageName)] IPersistentState<ShardState> state,
        IArtifactStore store,
        IGrainFactory grains,
        IOptions<PipelineOptions> options,
        ILogger<ShardGrain> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _runner = new StageRunner(state, store, new WorkerFanout(grains, options.Value, logger), options.Value.ChunkSize);
    }

    private int ShardIndex => int.Parse(this.GetPrimaryKeyString().AsSpan(this.GetPrimaryKeyString().LastIndexOf('/') + 1), System.Globalization.CultureInfo.InvariantCulture);

    public Task<int> ProgressAsync() => Task.FromResult(_runner.ItemsDone);

    public async Task<ShardReport> SynthesizeAsync(SynthesisWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var progress = _runner.Progress(SynthesizeStage, StageRunner.KeyOf(work));
        if (progress.Report is { } done)
            return done;
        var started = DateTime.UtcNow;
        var instructions = await _store.GetAsync<Instruction>(work.InstructionsArtifact);
        var chunks = await _runner.RunAsync($"{this.GetPrimaryKeyString()}/synthesize", progress, instructions,
            (worker, items) => SynthesizeChunkAsync(worker, items, work), CancellationToken.None);
        var artifact = await _runner.ConcatAsync<PreferencePair>(chunks.Select(c => c.Artifact), CancellationToken.None);
        var report = new ShardReport(ShardIndex, instructions.Count, chunks.Sum(c => c.Produced), artifact, StageRunner.Merge(chunks),
            (DateTime.UtcNow - started).TotalSeconds);
        return await _runner.FinishAsync(progress, report);
    }

    private async Task<ChunkResult> SynthesizeChunkAsync(IInferenceWorkerGrain worker, IReadOnlyList<Instruction> items, SynthesisWork work)
    {
        var outcomes = (await Task.WhenAll(items.Select(x => SynthesizeOneAsync(worker, x, work)))).SelectMany(o => o).ToArray();
        var pairs = outcomes.Where(o => o.Pair is not null).Select(o => o.Pair!).ToArray();
        var failures = outcomes.Where(o => o.Failure is not null).GroupBy(o => o.Failure!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new ChunkResult(await _store.PutAsync<PreferencePair>(pairs), null, items.Count, pairs.Length, failures);
    }

    // One good answer, then Modify.Samples modified instructions from one forked decode: each parsed, new sample is a
    // pair. The first keeps the id a one-pair run gives, so raising the count adds pairs without renaming any.
    private static async Task<IReadOnlyList<(PreferencePair? Pair, string? Failure)>> SynthesizeOneAsync(IInferenceWorkerGrain worker, Instruction x, SynthesisWork work)
    {
        var model = work.Generator.ContentId;
        var answerPrompt = PromptCache.Answer(work.AnswerTemplate);
        var modifyPrompt = PromptCache.Modify(work.ModifyTemplate);
        GenerationResult answer;
        try
        {
            answer = await worker.GenerateWithAsync(work.Generator,
                work.Answer.Request(model, answerPrompt.Format(x.Text), Seeds.For(work.Seed, $"answer|{x.Id}")));
        }
        catch (ArgumentException)
        {
            return [(null, "answer: refused by the model (text or length)")];
        }
        var chosen = answerPrompt.Parse(answer.Text);
        if (!chosen.IsSuccess)
            return [(null, $"answer: {chosen.Failure}")];

        GenerationResult modified;
        try
        {
            modified = await worker.GenerateWithAsync(work.Generator, work.Modify.Request(model, modifyPrompt.Format(x.Text, chosen.Answer!),
                Seeds.For(work.Seed, $"modify|{x.Id}"), ModifiedInstructionGrammar.ForMaxTokens));
        }
        catch (ArgumentException)
        {
            return [(null, "modify: refused by the model (text or length)")];
        }
        var outcomes = new List<(PreferencePair?, string?)>(modified.Samples.Count);
        var seen = new HashSet<(string, string)>();
        foreach (var sample in modified.Samples.OrderBy(s => s.Index))
        {
            var parse = modifyPrompt.Parse(sample.Text);
            if (!parse.IsSuccess)
            {
                outcomes.Add((null, $"modify: {parse.Failure}"));
                continue;
            }
            if (!seen.Add((parse.ModifiedInstruction!, parse.Response!)))
            {
                outcomes.Add((null, "modify: repeats an earlier sample for the same instruction"));
                continue;
            }
            var id = sample.Index == 0 ? TextNormalizer.ContentId("pair", x.Id)
                : TextNormalizer.ContentId("pair", x.Id + "|" + sample.Index.ToString(System.Globalization.CultureInfo.InvariantCulture));
            outcomes.Add((new PreferencePair(id, x.Id, x.Text, parse.ModifiedInstruction!, chosen.Answer!, parse.Response!, model), null));
        }
        return outcomes;
    }

    public async Task<ShardReport> JudgeAsync(JudgeWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var progress = _runner.Progress($"judge/{work.Iteration}", StageRunner.KeyOf(work));
        if (progress.Report is { } done)
            return done;
        var started = DateTime.UtcNow;
        var pairs = await _store.GetAsync<PreferencePair>(work.PairsArtifact);
        var chunks = await _runner.RunAsync($"{this.GetPrimaryKeyString()}/judge/{work.Iteration}", progress, pairs,
            (worker, items) => JudgeChunkAsync(worker, items, work), CancellationToken.None);
        var samples = await _runner.ConcatAsync<JudgmentSample>(chunks.Select(c => c.Artifact), CancellationToken.None);
        var prompts = await _runner.ConcatAsync<JudgedPrompt>(chunks.Select(c => c.SecondaryArtifact!), CancellationToken.None);
        var report = new ShardReport(ShardIndex, pairs.Count, chunks.Sum(c => c.Produced), samples, StageRunner.Merge(chunks),
            (DateTime.UtcNow - started).TotalSeconds) { SecondaryArtifact = prompts };
        return await _runner.FinishAsync(progress, report);
    }

    private async Task<ChunkResult> JudgeChunkAsync(IInferenceWorkerGrain worker, IReadOnlyList<PreferencePair> items, JudgeWork work)
    {
        var calls = items.SelectMany(pair => Orders(pair.Id, work).Select(order => JudgeOneAsync(worker, pair, order, work))).ToArray();
        var outcomes = await Task.WhenAll(calls);
        var samples = outcomes.SelectMany(o => o.Samples).ToArray();
        var prompts = outcomes.Where(o => o.Prompt is not null).Select(o => o.Prompt!).ToArray();
        var failures = outcomes.Where(o => o.Failure is not null).GroupBy(o => o.Failure!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new ChunkResult(await _store.PutAsync<JudgmentSample>(samples), await _store.PutAsync<JudgedPrompt>(prompts),
            items.Count, samples.Length, failures);
    }

    private static IEnumerable<PresentationOrder> Orders(string pairId, JudgeWork work) =>
        work.BothOrders
            ? [PresentationOrder.ChosenFirst, PresentationOrder.ChosenSecond]
            : [Seeds.For(work.Seed, $"order|{work.Iteration}|{pairId}") % 2 == 0 ? PresentationOrder.ChosenFirst : PresentationOrder.ChosenSecond];

    private static async Task<(IReadOnlyList<JudgmentSample> Samples, JudgedPrompt? Prompt, string? Failure)> JudgeOneAsync(
        IInferenceWorkerGrain worker, PreferencePair pair, PresentationOrder order, JudgeWork work)
    {
        var judge = work.Judge.ContentId;
        var prompt = PromptCache.Judge(work.JudgeTemplate);
        GenerationResult result;
        try
        {
            result = await worker.GenerateWithAsync(work.Judge, work.Sampling.Request(judge, prompt.Format(pair, order),
                Seeds.For(work.Seed, $"judge|{work.Iteration}|{pair.Id}|{order}"), VerdictGrammar.ForMaxTokens));
        }
        catch (ArgumentException)
        {
            return ([], null, "judge: refused by the model (text or length)");
        }
        var samples = result.Samples.Select(s =>
        {
            var parse = prompt.Parse(s.Text);
            return new JudgmentSample(pair.Id, work.Iteration, s.Index, order, judge, s.Text, parse.Verdict, parse.Failure);
        }).ToArray();
        return (samples, new JudgedPrompt(pair.Id, order, result.PromptText ?? ""), null);
    }
}
