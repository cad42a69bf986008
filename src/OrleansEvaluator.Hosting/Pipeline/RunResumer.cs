using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime.MembershipService.SiloMetadata;
using OrleansEvaluator.Grains;
using OrleansEvaluator.Grains.Pipeline;
using OrleansEvaluator.Grains.Placement;

namespace OrleansEvaluator.Hosting.Pipeline;

/// <summary>
/// When a coordinator silo becomes active, asks every unfinished run to continue: a cluster whose coordinator was
/// restarted picks its runs up again without anyone resubmitting them.
/// </summary>
public sealed partial class RunResumer(
    IGrainFactory grains,
    IOptions<PipelineOptions> options,
    ILocalSiloDetails silo,
    ISiloMetadataCache metadata,
    ILogger<RunResumer> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        lifecycle.Subscribe(nameof(RunResumer), ServiceLifecycleStage.Active, ct =>
        {
            if (options.Value.ResumeRunsOnStart && SiloRoleMetadata.RolesOf(metadata, silo.SiloAddress).Contains(SiloRoles.Coordinator))
                _ = Task.Run(ResumeAllAsync, CancellationToken.None); // not awaited: starting the silo must not wait for its runs
            return Task.CompletedTask;
        });
    }

    private async Task ResumeAllAsync()
    {
        try
        {
            foreach (var run in await grains.GetGrain<IRunIndexGrain>(IRunIndexGrain.Key).UnfinishedAsync())
            {
                var status = await grains.GetGrain<IRunCoordinatorGrain>(run).ResumeAsync();
                LogResumed(logger, run, status.Phase.ToString(), status.Iteration);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogResumeFailed(logger, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Resumed run {RunId} at {Phase} (iteration {Iteration})")]
    private static partial void LogResumed(ILogger logger, string runId, string phase, int iteration);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not resume unfinished runs: {Error}")]
    private static partial void LogResumeFailed(ILogger logger, string error);
}
