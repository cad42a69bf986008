using System.Security.Cryptography;
using System.Text;
using OrleansEvaluator.Artifacts;

namespace OrleansEvaluator.Grains.Pipeline;

/// <summary>
/// Runs one stage of a grain in chunks over the workers and persists each finished chunk, so asking again resumes
/// where the last attempt stopped, and asking again after the end returns the stored report.
/// </summary>
public sealed class StageRunner(IPersistentState<ShardState> state, IArtifactStore store, WorkerFanout fanout, int chunkSize)
{
    private int _itemsDone;

    /// <summary>Items finished in the stage in progress.</summary>
    public int ItemsDone => Volatile.Read(ref _itemsDone);

    /// <summary>The artifact store the chunks write to.</summary>
    public IArtifactStore Store => store;

    /// <summary>A short fingerprint of a work description.</summary>
    public static string KeyOf(object work) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(work.ToString() ?? "")))[..16];

    /// <summary>The stage's progress for this work, started over when the work changed.</summary>
    public StageProgress Progress(string stage, string workKey)
    {
        if (!state.State.Stages.TryGetValue(stage, out var progress) || progress.WorkKey != workKey)
            state.State.Stages[stage] = progress = new StageProgress { WorkKey = workKey };
        return progress;
    }

    /// <summary>Runs the chunks not yet finished and returns every chunk's result in chunk order.</summary>
    public async Task<IReadOnlyList<ChunkResult>> RunAsync<TItem>(
        string scope,
        StageProgress progress,
        IReadOnlyList<TItem> items,
        Func<IInferenceWorkerGrain, IReadOnlyList<TItem>, Task<ChunkResult>> work,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(items);
        var chunks = items.Chunk(chunkSize).ToArray();
        _itemsDone = progress.Chunks.Where(c => c.Key < chunks.Length).Sum(c => c.Value.Items);
        var pending = Enumerable.Range(0, chunks.Length).Where(i => !progress.Chunks.ContainsKey(i)).ToArray();
        await fanout.RunAsync(scope, pending, (worker, i) => work(worker, chunks[i]), async (i, result) =>
        {
            progress.Chunks[i] = result;
            Interlocked.Add(ref _itemsDone, result.Items);
            await state.WriteStateAsync();
        }, cancellationToken);
        return Enumerable.Range(0, chunks.Length).Select(i => progress.Chunks[i]).ToArray();
    }

    /// <summary>Stores the final report of a stage.</summary>
    public async Task<OrleansEvaluator.Runs.ShardReport> FinishAsync(StageProgress progress, OrleansEvaluator.Runs.ShardReport report)
    {
        ArgumentNullException.ThrowIfNull(progress);
        progress.Report = report;
        await state.WriteStateAsync();
        return report;
    }

    /// <summary>Every chunk's records, in chunk order, written as one artifact.</summary>
    public async Task<string> ConcatAsync<T>(IEnumerable<string> chunkArtifacts, CancellationToken cancellationToken)
    {
        var all = new List<T>();
        foreach (var id in chunkArtifacts)
            all.AddRange(await store.GetAsync<T>(id, cancellationToken));
        return await store.PutAsync<T>(all, cancellationToken);
    }

    /// <summary>Adds failure counts.</summary>
    public static Dictionary<string, int> Merge(IEnumerable<ChunkResult> chunks) =>
        chunks.SelectMany(c => c.Failures).GroupBy(f => f.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(f => f.Value), StringComparer.Ordinal);
}
