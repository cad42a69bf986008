using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Storage;
using OrleansEvaluator.Artifacts;
using OrleansEvaluator.Core.Formats;
using OrleansEvaluator.Core.Import;
using OrleansEvaluator.Core.Prompts;
using OrleansEvaluator.Core.Runs;
using OrleansEvaluator.Core.Sampling;
using OrleansEvaluator.Data;
using OrleansEvaluator.Grains.Placement;
using OrleansEvaluator.Grains.Registry;
using OrleansEvaluator.Runs;

namespace OrleansEvaluator.Grains.Pipeline;

/// <summary>
/// A run's state machine on a coordinator silo. Each stage's outcome is persisted before the next begins; a grain
/// timer keeps the activation alive while the run moves and restarts a stage that failed (up to
/// <see cref="PipelineOptions.MaxStageFailures"/> times in a row). Every stage it calls is idempotent, so repeating
/// one after a crash or a restart redoes only unfinished work.
/// </summary>
[SiloRoleFilter(SiloRoles.Coordinator)]
public sealed partial class RunCoordinatorGrain(
    [PersistentState("run", ModelRegistryGrain.StorageName)] IPersistentState<RunState> state,
    IArtifactStore store,
    IOptions<PipelineOptions> options,
    ILogger<RunCoordinatorGrain> logger) : Grain, IRunCoordinatorGrain
{
    private Task? _loop;
    private IGrainTimer? _timer;
    private int _shardsDone;
    private int _shards;

    private string RunId => this.GetPrimaryKeyString();

    // An activation can end while its run moves (the silo holding its directory entry died, or it was collected): the
    // next one, whoever wakes it, drives the run on from the persisted phase instead of only answering status calls.
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Submission is not null && state.State.Phase is not RunPhase.Failed && !Status().IsFinished)
        {
            LogReactivated(logger, RunId, state.State.Phase, state.State.Iteration);
            Start();
        }
        return Task.CompletedTask;
    }

    public async Task<RunStatus> SubmitAsync(RunSubmission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        if (submission.RunId != RunId)
            throw new ArgumentException($"RunId: '{submission.RunId}' submitted to run '{RunId}'.");
        if (state.State.Submission is { } existing)
        {
            if (existing.ConfigJson != submission.ConfigJson || !existing.Inputs.SequenceEqual(submission.Inputs))
                throw new ArgumentException($"Run '{RunId}' exists with another config or other inputs; choose another run name.");
            return await ResumeAsync();
        }
        var config = ParseConfig(submission);
        foreach (var kind in new[] { RunInputKinds.Instructions, RunInputKinds.SeedModel })
        {
            if (!submission.Inputs.Any(i => i.Kind == kind))
                throw new ArgumentException($"Inputs: no '{kind}' input.");
        }
        foreach (var input in submission.Inputs)
        {
            if (!await store.ExistsAsync(input.ArtifactId))
                throw new ArgumentException($"Inputs: {input.Kind} '{input.Name}' ({input.ArtifactId}) is not in the artifact store.");
        }
        state.State.Submission = submission;
        state.State.Phase = RunPhase.Pending;
        state.State.Created = state.State.Updated = DateTimeOffset.UtcNow;
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IRunIndexGrain>(IRunIndexGrain.Key).AddAsync(RunId);
        LogSubmitted(logger, RunId, config.Iterations, config.Shards);
        Start();
        return Status();
    }

    public async Task<RunStatus> ResumeAsync()
    {
        if (state.State.Submission is null)
            throw new KeyNotFoundException($"No run '{RunId}'.");
        if (state.State.Phase == RunPhase.Failed)
        {
            state.State.Phase = state.State.FailedIn ?? RunPhase.Pending;
            state.State.StageFailures = 0;
            await state.WriteStateAsync();
        }
        Start();
        return Status();
    }

    public Task<RunStatus> StatusAsync() =>
        state.State.Submission is null ? throw new KeyNotFoundException($"No run '{RunId}'.") : Task.FromResult(Status());

    public async Task<RunStatus> CancelAsync()
    {
        if (state.State.Submission is null)
            throw new KeyNotFoundException($"No run '{RunId}'.");
        state.State.CancelRequested = true;
        if (_loop is null || _loop.IsCompleted)
            await FinishAsync(RunPhase.Cancelled, null);
        return Status();
    }

    private void Start()
    {
        if (Status().IsFinished)
            return;
        _timer ??= this.RegisterGrainTimer(_ =>
        {
            if (!Status().IsFinished && (_loop is null || _loop.IsCompleted))
                _loop = DriveAsync();
            return Task.CompletedTask;
        }, new GrainTimerCreationOptions(TimeSpan.Zero, options.Value.CoordinatorTick) { KeepAlive = true });
    }

    private RunStatus Status()
    {
        var s = state.State;
        var config = s.Submission is null ? null : ParseConfig(s.Submission);
        return new RunStatus
        {
            RunId = RunId, Phase = s.Phase, Iteration = s.Iteration, Iterations = config?.Iterations ?? 0, Error = s.Error,
            Instructions = s.Instructions, MalformedLines = s.MalformedLines, Selected = s.Selected,
            Pairs = s.PairShards.Sum(r => r.Produced),
            PairFailures = s.PairShards.SelectMany(r => r.Failures).GroupBy(f => f.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Sum(f => f.Value), StringComparer.Ordinal),
            PairArtifacts = s.PairShards.Select(r => r.Artifact).ToArray(),
            Reports = s.Reports.ToArray(), ShardsDone = _shardsDone, Shards = _shards, Retries = s.Retries,
        };
    }

    private static RunConfig ParseConfig(RunSubmission submission) => RunConfigLoader.Parse(submission.ConfigJson, $"run {submission.RunId}");

    private async Task DriveAsync()
    {
        try
        {
            await DriveStagesAsync();
        }
        catch (InconsistentStateException e)
        {
            // Another activation of this run (one that outlived its directory entry) wrote first: take its state; the
            // timer's next tick goes on from there.
            LogStaleState(logger, RunId, state.State.Phase, e.Message);
            await state.ReadStateAsync();
        }
    }

    private async Task DriveStagesAsync()
    {
        var config = ParseConfig(state.State.Submission!);
        while (!Status().IsFinished)
        {
            if (state.State.CancelRequested)
            {
                await FinishAsync(RunPhase.Cancelled, null);
                return;
            }
            var phase = state.State.Phase;
            try
            {
                await StepAsync(config);
                state.State.StageFailures = 0;
                state.State.Error = null;
            }
            catch (Exception e) when (IsPermanent(e))
            {
                LogFailed(logger, RunId, phase, e.Message);
                state.State.FailedIn = phase;
                await FinishAsync(RunPhase.Failed, $"{phase}: {e.Message}");
                return;
            }
            catch (Exception e) when (e is not InconsistentStateException)
            {
                state.State.StageFailures++;
                state.State.Retries++;
                state.State.Error = $"{phase}: {e.GetType().Name}: {e.Message}";
                LogStageError(logger, RunId, phase, state.State.StageFailures, e.Message);
                if (state.State.StageFailures >= options.Value.MaxStageFailures)
                {
                    state.State.FailedIn = phase;
                    await FinishAsync(RunPhase.Failed, $"{phase} failed {state.State.StageFailures} times; last: {e.Message}");
                    return;
                }
                await SaveAsync();
                return; // the timer starts the stage again on its next tick
            }
        }
    }

    private static bool IsPermanent(Exception e) =>
        e is ArgumentException or InvalidDataException or DataFormatException or RunConfigException or KeyNotFoundException
        || (e is WorkerFanoutException && e.InnerException is ArgumentException);

    private async Task FinishAsync(RunPhase phase, string? error)
    {
        state.State.Phase = phase;
        state.State.Error = error;
        await SaveAsync();
        _timer?.Dispose();
        _timer = null;
        if (phase is RunPhase.Completed or RunPhase.Cancelled)
            await GrainFactory.GetGrain<IRunIndexGrain>(IRunIndexGrain.Key).FinishAsync(RunId);
        LogFinished(logger, RunId, phase);
    }

    private async Task SaveAsync()
    {
        state.State.Updated = DateTimeOffset.UtcNow;
        await state.WriteStateAsync();
    }

    private async Task MoveAsync(RunPhase next)
    {
        LogPhase(logger, RunId, state.State.Phase, next, state.State.Iteration);
        state.State.Phase = next;
        await SaveAsync();
    }

    private Task StepAsync(RunConfig config) => state.State.Phase switch
    {
        RunPhase.Pending => MoveAsync(RunPhase.Ingest),
        RunPhase.Ingest => IngestAsync(config),
        RunPhase.Select => SelectAsync(config),
        RunPhase.Synthesize => SynthesizeAsync(config),
        RunPhase.Evaluate => EvaluateAsync(config),
        RunPhase.Judge => JudgeAsync(config),
        RunPhase.Accept => AcceptAsync(config),
        RunPhase.Train => TrainAsync(config),
        RunPhase.Publish => PublishAsync(),
        _ => throw new InvalidOperationException($"Run '{RunId}' is in phase {state.State.Phase}."),
    };

    private async Task IngestAsync(RunConfig config)
    {
        var inputs = state.State.Submission!.Inputs;
        var policy = config.Instructions.Policy == "fail" ? MalformedLinePolicy.Fail : MalformedLinePolicy.Skip;
        var source = inputs.Single(i => i.Kind == RunInputKinds.Instructions);
        var import = InstructionReader.Read(new StringReader(await store.GetTextAsync(source.ArtifactId)), source.Name, policy);
        if (import.Instructions.Count == 0)
            throw new ArgumentException($"instructions: '{source.Name}' holds no usable instruction ({import.Issues.Count} malformed lines).");
        state.State.InstructionsArtifact = await store.PutAsync(import.Instructions);
        state.State.Instructions = import.Instructions.Count;
        state.State.MalformedLines = import.Issues.Count;
        state.State.Benchmarks.Clear();
        foreach (var benchmark in inputs.Where(i => i.Kind == RunInputKinds.Benchmark))
        {
            var items = PairwiseReader.Read(new StringReader(await store.GetTextAsync(benchmark.ArtifactId)), benchmark.Name, policy);
            state.State.MalformedLines += items.Issues.Count;
            var name = Path.GetFileNameWithoutExtension(benchmark.Name);
            var kept = items.Items.Where(i => !i.Tie).ToArray();
            if (config.Evaluation.MaxItems > 0 && kept.Length > config.Evaluation.MaxItems)
            {
                kept = kept.OrderBy(i => StableRandom.Hash(config.Seed, $"eval-items|{i.Id}")).Take(config.Evaluation.MaxItems)
                    .OrderBy(i => i.Id, StringComparer.Ordinal).ToArray();
            }
            state.State.Benchmarks[name] = await store.PutAsync<PairwiseItem>(kept);
        }
        state.State.ReplayArtifact = inputs.FirstOrDefault(i => i.Kind == RunInputKinds.Replay) is { } replay
            ? await store.PutAsync(ReplaySet.Read(new StringReader(await store.GetTextAsync(replay.ArtifactId)), replay.Name))
            : null;
        var registry = GrainFactory.GetGrain<IModelRegistryGrain>(RunId);
        string Model(string kind) => inputs.FirstOrDefault(i => i.Kind == kind)?.ArtifactId ?? inputs.Single(i => i.Kind == RunInputKinds.SeedModel).ArtifactId;
        state.State.SeedModel = Model(RunInputKinds.SeedModel);
        state.State.Generator = await registry.PublishStoredAsync("generator", Model(RunInputKinds.GeneratorModel));
        state.State.Judges = [await registry.PublishStoredAsync("judge", Model(RunInputKinds.JudgeModel))];
        await MoveAsync(RunPhase.Select);
    }

    private async Task SelectAsync(RunConfig config)
    {
        var all = await store.GetAsync<Instruction>(state.State.InstructionsArtifact!);
        var selected = InstructionSelection.Select(all, config.Instructions.Categories, config.Instructions.Max, config.Seed);
        var shards = InstructionSelection.Shard(selected, config.Shards, config.Seed);
        state.State.ShardInputs = [];
        foreach (var shard in shards)
            state.State.ShardInputs.Add(await store.PutAsync(shard));
        state.State.Selected = selected.Count;
        await MoveAsync(RunPhase.Synthesize);
    }

    private async Task<ShardReport[]> OnShardsAsync<TWork>(IReadOnlyList<TWork> works, Func<IShardGrain, TWork, Task<ShardReport>> call)
    {
        _shards = works.Count;
        _shardsDone = 0;
        return await Task.WhenAll(works.Select(async (work, i) =>
        {
            var report = await call(GrainFactory.GetGrain<IShardGrain>($"{RunId}/{i}"), work);
            _shardsDone++;
            return report;
        }));
    }

    private async Task SynthesizeAsync(RunConfig config)
    {
        var s = config.Synthesis;
        var answerTemplate = await TemplateAsync(RunInputKinds.AnswerTemplate, PromptSets.AnswerText(config.Prompts.Set));
        var modifyTemplate = await TemplateAsync(RunInputKinds.ModifyTemplate, PromptSets.ModifyText(config.Prompts.Set));
        var works = state.State.ShardInputs.Select(input => new SynthesisWork(input, state.State.Generator!,
            new SamplingSettings(1, s.Temperature, s.TopP, s.AnswerMaxTokens, false) { Isolated = config.Reproducible },
            new SamplingSettings(s.PairsPerInstruction, s.EffectiveModifyTemperature, s.TopP, s.ModifyMaxTokens, s.Grammar) { Isolated = config.Reproducible }, config.Seed)
        {
            AnswerTemplate = answerTemplate, ModifyTemplate = modifyTemplate,
        }).ToArray();
        var reports = await OnShardsAsync(works, (shard, work) => shard.SynthesizeAsync(work));
        state.State.PairShards = [.. reports];
        if (reports.Sum(r => r.Produced) == 0)
        {
            var reasons = string.Join(", ", Status().PairFailures.Select(f => $"{f.Key} × {f.Value}"));
            throw new ArgumentException($"synthesis: no pair could be built from {state.State.Selected} instructions ({reasons}).");
        }
        state.State.Iteration = 0;
        await MoveAsync(RunPhase.Evaluate);
    }

    private async Task EvaluateAsync(RunConfig config)
    {
        var iteration = state.State.Iteration;
        var judge = state.State.Judges[iteration];
        var ev = config.Evaluation;
        var sampling = new SamplingSettings(ev.Samples, ev.Temperature, config.Judging.TopP, ev.MaxTokens > 0 ? ev.MaxTokens : config.Judging.MaxTokens, config.Judging.Grammar)
        {
            Isolated = config.Reproducible,
        };
        var evaluation = GrainFactory.GetGrain<IEvaluationGrain>($"{RunId}/{iteration}");
        var judgeTemplate = await TemplateAsync(RunInputKinds.JudgeTemplate, PromptSets.JudgeText(config.Prompts.Set));
        var scores = new List<BenchmarkScore>();
        foreach (var (name, artifact) in state.State.Benchmarks.OrderBy(b => b.Key, StringComparer.Ordinal))
            scores.Add(await evaluation.EvaluateAsync(new EvaluationWork(name, artifact, judge, sampling, ev.BothOrders, config.Seed) { JudgeTemplate = judgeTemplate }));
        UpdateReport(iteration, r => r with { Scores = scores, JudgeModel = r.JudgeModel ?? judge.ContentId });
        if (iteration >= config.Iterations)
        {
            await FinishAsync(RunPhase.Completed, null);
            return;
        }
        state.State.Iteration = iteration + 1;
        await MoveAsync(RunPhase.Judge);
    }

    private async Task JudgeAsync(RunConfig config)
    {
        var iteration = state.State.Iteration;
        var judge = state.State.Judges[iteration - 1];
        var j = config.Judging;
        var clock = Stopwatch.StartNew();
        var judgeTemplate = await TemplateAsync(RunInputKinds.JudgeTemplate, PromptSets.JudgeText(config.Prompts.Set));
        var works = state.State.PairShards.Select(p => new JudgeWork(iteration, p.Artifact, judge,
            new SamplingSettings(j.Samples, j.Temperature, j.TopP, j.MaxTokens, j.Grammar) { Isolated = config.Reproducible }, j.BothOrders, config.Seed)
        {
            JudgeTemplate = judgeTemplate,
        }).ToArray();
        var reports = await OnShardsAsync(works, (shard, work) => shard.JudgeAsync(work));
        var samples = new List<JudgmentSample>();
        foreach (var r in reports)
            samples.AddRange(await store.GetAsync<JudgmentSample>(r.Artifact));
        UpdateReport(iteration, r => r with
        {
            JudgeModel = judge.ContentId, Pairs = reports.Sum(x => x.Items), Samples = samples.Count,
            CorrectSamples = samples.Count(x => x.IsCorrect), ParseFailures = samples.Count(x => x.Verdict is null),
            VerdictsA = samples.Count(x => x.Verdict == Verdict.A), VerdictsB = samples.Count(x => x.Verdict == Verdict.B),
            SampleArtifacts = reports.Select(x => x.Artifact).ToArray(), PromptArtifacts = reports.Select(x => x.SecondaryArtifact!).ToArray(),
            JudgeSeconds = r.JudgeSeconds + clock.Elapsed.TotalSeconds,
            Drops = reports.SelectMany(x => x.Failures).GroupBy(f => f.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(f => f.Value), StringComparer.Ordinal),
        });
        await MoveAsync(RunPhase.Accept);
    }

    private async Task AcceptAsync(RunConfig config)
    {
        var iteration = state.State.Iteration;
        var report = state.State.Reports.Single(r => r.Iteration == iteration);
        var samples = new List<JudgmentSample>();
        foreach (var artifact in report.SampleArtifacts)
            samples.AddRange(await store.GetAsync<JudgmentSample>(artifact));
        var judged = new List<JudgedPrompt>();
        foreach (var artifact in report.PromptArtifacts)
            judged.AddRange(await store.GetAsync<JudgedPrompt>(artifact));
        var prompts = new Dictionary<(string, PresentationOrder), string>();
        foreach (var p in judged)
            prompts[(p.PairId, p.Order)] = p.Prompt;
        var result = RejectionSampler.Select(samples, new RejectionSamplingOptions
        {
            Seed = config.Seed, MajorityThreshold = config.Sampling.MajorityThreshold, BalanceVerdicts = config.Sampling.Balance,
            PerOrder = config.Sampling.PerOrder,
        });
        var traces = result.Accepted.Select(s => TrainingSetBuilder.Trace(s, prompts[(s.PairId, s.Order)])).ToArray();
        if (traces.Length == 0)
            throw new ArgumentException($"accept: iteration {iteration} kept no judgment ({result.CorrectSamples} of {result.Samples} samples were correct); nothing to train on.");
        var tracesArtifact = await store.PutAsync<AcceptedTrace>(traces);
        IReadOnlyList<SftExample> rows = traces.Select(TrainingSetBuilder.Sft).ToArray();
        var judgments = rows.Count;
        var exercises = await ExercisesAsync(config, iteration, judged);
        rows = [.. rows, .. exercises];
        if (state.State.ReplayArtifact is { } replay)
            rows = ReplaySet.Mix(rows, await store.GetAsync<SftExample>(replay), config.Training.ReplayFraction, config.Seed, iteration);
        var sft = await store.PutAsync(rows);
        UpdateReport(iteration, r => r with
        {
            Exercises = exercises.Count, Replayed = rows.Count - judgments - exercises.Count,
            Accepted = traces.Length, AcceptanceRate = result.AcceptanceRate, TracesArtifact = tracesArtifact, TrainingSetArtifact = sft,
            Drops = r.Drops.Concat(result.Drops.Where(d => d.Value > 0).Select(d => KeyValuePair.Create(d.Key.ToString(), d.Value)))
                .GroupBy(d => d.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(d => d.Value), StringComparer.Ordinal),
        });
        await MoveAsync(RunPhase.Train);
    }

    private async Task<IReadOnlyList<SftExample>> ExercisesAsync(RunConfig config, int iteration, List<JudgedPrompt> judged)
    {
        if (config.Training.Exercises == 0)
            return [];
        var pairs = new List<PreferencePair>();
        foreach (var shard in state.State.PairShards)
            pairs.AddRange(await store.GetAsync<PreferencePair>(shard.Artifact));
        var judge = PromptCache.Judge(await TemplateAsync(RunInputKinds.JudgeTemplate, PromptSets.JudgeText(config.Prompts.Set)));
        var set = StatedAnswerExercises.Build(judged, pairs, judge, config.Training.Exercises, config.Seed, iteration);
        if (set.UsablePrompts == 0)
        {
            throw new ArgumentException(
                $"training.exercises: none of iteration {iteration}'s {judged.Count} judge prompts holds the judge template's messages as rendered (the model's chat template rewrites them), so no exercise can be built; set training.exercises to 0.");
        }
        return set.Rows;
    }

    private async Task TrainAsync(RunConfig config)
    {
        var iteration = state.State.Iteration;
        var report = state.State.Reports.Single(r => r.Iteration == iteration);
        var t = config.Training;
        var baseModel = t.From == "previous" ? state.State.Judges[iteration - 1].ContentId : state.State.SeedModel!;
        var outcome = await GrainFactory.GetGrain<ITrainerGrain>(RunId).TrainStoredAsync(new StoredTrainingJob(
            baseModel, report.TrainingSetArtifact!, t.Epochs, t.LearningRate, t.LoraRank, t.Context, config.Seed + (ulong)iteration)
            { GradientAccumulation = t.Accumulation });
        UpdateReport(iteration, r => r with { TrainedModel = outcome.Model, TrainLoss = outcome.FinalLoss, TrainSteps = outcome.Steps, TrainSeconds = outcome.Seconds });
        await MoveAsync(RunPhase.Publish);
    }

    private async Task PublishAsync()
    {
        var iteration = state.State.Iteration;
        var report = state.State.Reports.Single(r => r.Iteration == iteration);
        var version = await GrainFactory.GetGrain<IModelRegistryGrain>(RunId).PublishStoredAsync("judge", report.TrainedModel!);
        state.State.Judges = [.. state.State.Judges.Take(iteration), version];
        await MoveAsync(RunPhase.Evaluate);
    }

    // A task's template: the uploaded file when the run has one, else the text of the run's set.
    private async Task<string> TemplateAsync(string kind, string builtIn) =>
        state.State.Submission!.Inputs.FirstOrDefault(i => i.Kind == kind) is { } input ? await store.GetTextAsync(input.ArtifactId) : builtIn;

    private void UpdateReport(int iteration, Func<IterationReport, IterationReport> update)
    {
        var index = state.State.Reports.FindIndex(r => r.Iteration == iteration);
        if (index < 0)
            state.State.Reports.Add(update(new IterationReport { Iteration = iteration }));
        else
            state.State.Reports[index] = update(state.State.Reports[index]);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} submitted: {Iterations} iterations, {Shards} shards")]
    private static partial void LogSubmitted(ILogger logger, string runId, int iterations, int shards);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId}: {From} -> {To} (iteration {Iteration})")]
    private static partial void LogPhase(ILogger logger, string runId, RunPhase from, RunPhase to, int iteration);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: {Phase} failed (attempt {Attempt}): {Error}; retrying")]
    private static partial void LogStageError(ILogger logger, string runId, RunPhase phase, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Run {RunId} failed in {Phase}: {Error}")]
    private static partial void LogFailed(ILogger logger, string runId, RunPhase phase, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId}: activated in {Phase} (iteration {Iteration}); driving it on")]
    private static partial void LogReactivated(ILogger logger, string runId, RunPhase phase, int iteration);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: state changed under {Phase} ({Error}); reading it again")]
    private static partial void LogStaleState(ILogger logger, string runId, RunPhase phase, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} finished: {Phase}")]
    private static partial void LogFinished(ILogger logger, string runId, RunPhase phase);
}
