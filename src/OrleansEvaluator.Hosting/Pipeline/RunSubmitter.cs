using OrleansEvaluator.Artifacts;
using OrleansEvaluator.Core.Prompts;
using OrleansEvaluator.Core.Runs;
using OrleansEvaluator.Core.Sampling;
using OrleansEvaluator.Grains;
using OrleansEvaluator.Runs;

namespace OrleansEvaluator.Hosting.Pipeline;

/// <summary>
/// The client side of starting a run: validates the config (every problem named by field), uploads its input files
/// to the artifact store so that any silo can read them, and submits the run to its coordinator.
/// </summary>
public static class RunSubmitter
{
    /// <summary>Loads and validates a config and uploads its inputs; nothing is submitted yet.</summary>
    /// <exception cref="RunConfigException">The config is invalid.</exception>
    public static async Task<RunSubmission> PrepareAsync(string configPath, IArtifactStore store, string? runId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var config = RunConfigLoader.Load(configPath);
        var folder = Path.GetDirectoryName(Path.GetFullPath(configPath))!;
        var inputs = new List<RunInput>();
        async Task AddAsync(string kind, string? path)
        {
            if (path is null)
                return;
            var full = Path.GetFullPath(Path.Combine(folder, path));
            await using var file = File.OpenRead(full);
            inputs.Add(new RunInput(kind, Path.GetFileName(full), await store.PutAsync(file, cancellationToken)));
        }
        await AddAsync(RunInputKinds.SeedModel, config.Models.Seed);
        await AddAsync(RunInputKinds.GeneratorModel, config.Models.Generator);
        await AddAsync(RunInputKinds.JudgeModel, config.Models.Judge);
        await AddAsync(RunInputKinds.Instructions, config.Instructions.Path);
        // Template files are checked here, so a broken one is reported (file and line) before anything starts.
        _ = config.Prompts.Answer is { } a ? AnswerPrompt.Load(Path.Combine(folder, a)) : null;
        _ = config.Prompts.Modify is { } m ? ModifiedInstructionPrompt.Load(Path.Combine(folder, m)) : null;
        _ = config.Prompts.Judge is { } j ? JudgePrompt.Load(Path.Combine(folder, j)) : null;
        await AddAsync(RunInputKinds.AnswerTemplate, config.Prompts.Answer);
        await AddAsync(RunInputKinds.ModifyTemplate, config.Prompts.Modify);
        await AddAsync(RunInputKinds.JudgeTemplate, config.Prompts.Judge);
        foreach (var benchmark in config.Benchmarks)
            await AddAsync(RunInputKinds.Benchmark, benchmark);
        // Read whole here, so a malformed line is reported (file and line) before anything starts.
        _ = config.Training.Replay is { } r ? ReplaySet.Read(Path.Combine(folder, r)) : null;
        await AddAsync(RunInputKinds.Replay, config.Training.Replay);
        return new RunSubmission(runId ?? config.Name, RunConfigLoader.ToJson(config), inputs);
    }

    /// <summary>Prepares and submits a run; submitting the same run again is harmless.</summary>
    public static async Task<RunStatus> SubmitAsync(IGrainFactory grains, IArtifactStore store, string configPath, string? runId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var submission = await PrepareAsync(configPath, store, runId, cancellationToken);
        return await grains.GetGrain<IRunCoordinatorGrain>(submission.RunId).SubmitAsync(submission);
    }
}
