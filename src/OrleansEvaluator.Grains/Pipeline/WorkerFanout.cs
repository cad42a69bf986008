using Microsoft.Extensions.Logging;
using OrleansEvaluator.Core.Sampling;

namespace OrleansEvaluator.Grains.Pipeline;

/// <summary>
/// Hands chunks of work to inference workers. Every attempt of every chunk goes to a fresh worker activation, placed
/// at random over the worker silos alive at that moment: work spreads over all of them, a silo that joins mid-run
/// gets the next chunks, and a chunk lost with its silo is retried on another. Results are deterministic (every
/// request carries its own seed), so a retried chunk gives the same records.
/// </summary>
public sealed partial class WorkerFanout(IGrainFactory grains, PipelineOptions options, ILogger logger)
{
    /// <summary>
    /// Runs <paramref name="work"/> for each chunk index, at most <see cref="PipelineOptions.ChunksInFlight"/> at a
    /// time, then <paramref name="completed"/> with its result (on the caller's scheduler, one at a time).
    /// </summary>
    /// <param name="scope">Names the stage (run, shard, stage, iteration); worker keys derive from it.</param>
    /// <param name="chunks">Indices of the chunks to run.</param>
    /// <param name="work">Runs one chunk on the given worker.</param>
    /// <param name="completed">Records a chunk's result.</param>
    /// <param name="cancellationToken">Stops starting chunks and waiting between attempts.</param>
    /// <exception cref="WorkerFanoutException">A chunk failed <see cref="PipelineOptions.MaxAttempts"/> times.</exception>
    public async Task RunAsync<T>(
        string scope,
        IReadOnlyList<int> chunks,
        Func<IInferenceWorkerGrain, int, Task<T>> work,
        Func<int, T, Task> completed,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        using var slots = new SemaphoreSlim(options.ChunksInFlight, options.ChunksInFlight);
        using var completing = new SemaphoreSlim(1, 1);
        var tasks = chunks.Select(async chunk =>
        {
            await slots.WaitAsync(cancellationToken);
            try
            {
                var result = await AttemptAsync(scope, chunk, work, cancellationToken);
                await completing.WaitAsync(cancellationToken);
                try
                {
                    await completed(chunk, result);
                }
                finally
                {
                    completing.Release();
                }
            }
            finally
            {
                slots.Release();
            }
        }).ToArray();
        await Task.WhenAll(tasks);
    }

    private async Task<T> AttemptAsync<T>(string scope, int chunk, Func<IInferenceWorkerGrain, int, Task<T>> work, CancellationToken cancellationToken)
    {
        var delay = options.RetryDelay;
        for (var attempt = 0; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var key = unchecked((long)StableRandom.Hash(0, $"{scope}|chunk {chunk}|attempt {attempt}"));
            try
            {
                return await work(grains.GetGrain<IInferenceWorkerGrain>(key), chunk);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                if (attempt + 1 >= options.MaxAttempts)
                    throw new WorkerFanoutException($"{scope}: chunk {chunk} failed {options.MaxAttempts} times; last error: {e.GetType().Name}: {e.Message}", e);
                LogRetry(logger, scope, chunk, attempt + 1, e.GetType().Name, e.Message);
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.MaxRetryDelay.Ticks));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Scope}: chunk {Chunk} attempt {Attempt} failed ({Type}: {Error}); retrying on another worker activation")]
    private static partial void LogRetry(ILogger logger, string scope, int chunk, int attempt, string type, string error);
}
