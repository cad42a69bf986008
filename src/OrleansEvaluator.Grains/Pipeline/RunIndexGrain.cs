using OrleansEvaluator.Grains.Placement;
using OrleansEvaluator.Grains.Registry;

namespace OrleansEvaluator.Grains.Pipeline;

/// <summary>The persisted list of runs, on a coordinator silo.</summary>
[SiloRoleFilter(SiloRoles.Coordinator)]
public sealed class RunIndexGrain([PersistentState("runs", ModelRegistryGrain.StorageName)] IPersistentState<RunIndexState> state)
    : Grain, IRunIndexGrain
{
    public async Task AddAsync(string runId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        if (state.State.Runs.ContainsKey(runId))
            return;
        state.State.Runs[runId] = false;
        state.State.Order.Add(runId);
        await state.WriteStateAsync();
    }

    public async Task FinishAsync(string runId)
    {
        if (state.State.Runs.TryGetValue(runId, out var finished) && finished)
            return;
        if (!state.State.Runs.ContainsKey(runId))
            state.State.Order.Add(runId);
        state.State.Runs[runId] = true;
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<string>> ListAsync() => Task.FromResult<IReadOnlyList<string>>(state.State.Order.ToArray());

    public Task<IReadOnlyList<string>> UnfinishedAsync() =>
        Task.FromResult<IReadOnlyList<string>>(state.State.Order.Where(r => !state.State.Runs[r]).ToArray());
}
