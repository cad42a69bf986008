namespace OrleansEvaluator.Grains;

/// <summary>The cluster's list of runs (one grain, key <see cref="Key"/>), so restarted coordinators find unfinished runs.</summary>
public interface IRunIndexGrain : IGrainWithStringKey
{
    /// <summary>The single index's key.</summary>
    const string Key = "runs";

    /// <summary>Adds a run (idempotent).</summary>
    Task AddAsync(string runId);

    /// <summary>Marks a run finished, so it is not resumed.</summary>
    Task FinishAsync(string runId);

    /// <summary>Every run id, oldest first.</summary>
    Task<IReadOnlyList<string>> ListAsync();

    /// <summary>Runs not finished.</summary>
    Task<IReadOnlyList<string>> UnfinishedAsync();
}
