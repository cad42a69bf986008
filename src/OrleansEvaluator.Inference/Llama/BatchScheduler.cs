using System.Diagnostics;
using System.Threading.Channels;
using LLama;
using LLama.Abstractions;
using LLama.Batched;
using LLama.Native;
using Microsoft.Extensions.Logging;
using OrleansEvaluator.Generation;

namespace OrleansEvaluator.Inference.Llama;

/// <summary>
/// Continuous batching for one model: a single loop owns the model's <see cref="BatchedExecutor"/> and, at every
/// step, decodes one token for each generating sample plus chunks of waiting prompts, in one batch. Requests join
/// between steps when their KV cells and sequences fit, and leave as soon as their samples finish. N samples of
/// one prompt decode the prompt once and fork it.
/// </summary>
internal sealed partial class BatchScheduler : IAsyncDisposable
{
    private readonly LLamaWeights _weights;
    private readonly IContextParams _contextParams;
    private readonly string _modelId;
    private readonly int _contextSize;
    private readonly int _batchSize;
    private readonly int _maxSequences;
    private readonly ILogger _logger;
    private readonly Channel<PendingRequest> _queue;
    private readonly List<PendingRequest> _active = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private BatchedExecutor _executor;
    private int _reservedCells;
    private int _reservedSequences;
    private int _inFlight;
    private long _decodeSteps;
    private long _decodedTokens;

    public BatchScheduler(string modelId, LLamaWeights weights, IContextParams contextParams, int contextSize,
        int batchSize, int maxSequences, int queueCapacity, ILogger logger)
    {
        _modelId = modelId;
        _weights = weights;
        _contextParams = contextParams;
        _contextSize = contextSize;
        _batchSize = batchSize;
        _maxSequences = maxSequences;
        _logger = logger;
        _executor = new BatchedExecutor(weights, contextParams);
        _queue = Channel.CreateBounded<PendingRequest>(new BoundedChannelOptions(queueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _loop = Task.Factory.StartNew(RunAsync, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
    }

    /// <summary>Requests accepted and not yet completed.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Requests waiting to join the batch.</summary>
    public int QueueDepth => _queue.Reader.Count;

    /// <summary>Decode calls made so far.</summary>
    public long DecodeSteps => Interlocked.Read(ref _decodeSteps);

    /// <summary>Tokens decoded so far (prompt and generated).</summary>
    public long DecodedTokens => Interlocked.Read(ref _decodedTokens);

    /// <summary>True once <see cref="CompleteAdding"/> was called.</summary>
    public bool Draining { get; private set; }

    /// <summary>
    /// Queues a request whose prompt is already tokenized and whose samplers are built; waits while the queue is
    /// full (back-pressure). Completes when every sample has finished.
    /// </summary>
    public async Task<GenerationResult> SubmitAsync(PendingRequest request, CancellationToken cancellationToken)
    {
        if (request.Samples.Length > _maxSequences)
        {
            request.Dispose();
            throw new ArgumentException($"Samples: {request.Samples.Length} exceeds the model's MaxSequences ({_maxSequences}).");
        }
        if (request.Cells > _contextSize)
        {
            request.Dispose();
            throw new ArgumentException(
                $"MaxTokens/Samples: the request needs {request.Cells} KV cells (prompt {request.Prompt.Length} + " +
                $"{request.Samples.Length} samples × {request.Request.MaxTokens} tokens) but model '{_modelId}' has {_contextSize}.");
        }

        Interlocked.Increment(ref _inFlight);
        try
        {
            try
            {
                await _queue.Writer.WriteAsync(request, cancellationToken);
            }
            catch (ChannelClosedException)
            {
                request.Dispose();
                throw new InvalidOperationException($"Model '{_modelId}' is unloading and takes no new requests.");
            }
            catch (OperationCanceledException)
            {
                request.Dispose();
                throw;
            }
            using var registration = cancellationToken.Register(static r => ((PendingRequest)r!).RequestCancel(), request);
            return await request.Completion.Task;
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    /// <summary>Stops taking requests; those accepted still finish.</summary>
    public void CompleteAdding()
    {
        Draining = true;
        _queue.Writer.TryComplete();
    }

    /// <summary>Completes when every accepted request has finished and the loop has exited.</summary>
    public Task Completion => _loop;

    private async Task RunAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                if (_active.Count == 0 && !await _queue.Reader.WaitToReadAsync(_stop.Token))
                    break;
                Admit();
                ReapCancelled();
                if (_active.Count == 0)
                    continue;
                QueueStepTokens();
                if (!await DecodeAsync())
                    continue;
                AfterDecode();
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            LogLoopFailed(_logger, _modelId, e);
            FailActive(e);
        }
        finally
        {
            FailActive(new ObjectDisposedException($"Model '{_modelId}' was unloaded."));
            while (_queue.Reader.TryRead(out var waiting))
            {
                waiting.Completion.TrySetException(new ObjectDisposedException($"Model '{_modelId}' was unloaded."));
                waiting.Dispose();
            }
        }
    }

    private void Admit()
    {
        while (_queue.Reader.TryPeek(out var next))
        {
            if (next.CancelRequested)
            {
                _queue.Reader.TryRead(out _);
                next.Completion.TrySetCanceled(next.CancellationToken);
                next.Dispose();
                continue;
            }
            if (_reservedSequences + next.Samples.Length > _maxSequences || _reservedCells + next.Cells > _contextSize)
                return;
            // An isolated request decodes alone, from cell 0: its cache layout, hence its arithmetic, never depends on
            // what else the engine serves. Requests queued behind it wait, in order.
            if (_active.Any(a => a.Request.Isolated) || (next.Request.Isolated && _active.Count > 0))
                return;
            if (next.Request.Isolated)
                _executor.Context.NativeHandle.MemoryClear(true);
            _queue.Reader.TryRead(out _);
            _reservedSequences += next.Samples.Length;
            _reservedCells += next.Cells;
            next.Root = _executor.Create();
            _active.Add(next);
        }
    }

    private void ReapCancelled()
    {
        for (var i = _active.Count - 1; i >= 0; i--)
        {
            var r = _active[i];
            if (!r.CancelRequested)
                continue;
            Release(i);
            r.Completion.TrySetCanceled(r.CancellationToken);
        }
    }

    private void QueueStepTokens()
    {
        var generating = 0;
        foreach (var r in _active.Where(r => r.Generating))
        {
            foreach (var s in r.Samples)
            {
                if (s.Pending is { } token)
                {
                    s.Conversation!.Prompt(token);
                    generating++;
                }
            }
        }

        // Prompts fill what the batch has left; a long prompt is spread over several steps. Everything must fit one
        // batch: a conversation can only be sampled right after the Infer that decoded it, and MaxSequences <=
        // BatchSize (validated) leaves room for every generating sample.
        var budget = _batchSize - generating;
        foreach (var r in _active)
        {
            if (r.Generating || budget == 0)
                continue;
            var chunk = Math.Min(budget, r.Prompt.Length - r.Prefilled);
            r.Root!.Prompt(r.Prompt.AsSpan(r.Prefilled, chunk));
            r.Prefilled += chunk;
            budget -= chunk;
        }
    }

    private async Task<bool> DecodeAsync()
    {
        Debug.Assert(_executor.BatchQueueCount <= 1, "one step must fit one batch");
        while (_executor.BatchQueueCount > 0)
        {
            var tokens = _executor.BatchedTokenCount;
            var status = await _executor.Infer(CancellationToken.None);
            if (status != DecodeResult.Ok)
            {
                LogDecodeFailed(_logger, _modelId, status);
                FailActive(new InvalidOperationException($"llama_decode failed with {status} on model '{_modelId}'."));
                // The failed batch stays queued inside the executor; start again from a fresh context.
                _executor.Dispose();
                _executor = new BatchedExecutor(_weights, _contextParams);
                return false;
            }
            Interlocked.Increment(ref _decodeSteps);
            Interlocked.Add(ref _decodedTokens, tokens - _executor.BatchedTokenCount);
        }
        return true;
    }

    private void AfterDecode()
    {
        var vocab = _weights.Vocab;
        for (var i = _active.Count - 1; i >= 0; i--)
        {
            var r = _active[i];
            if (!r.Generating)
            {
                if (r.Prefilled < r.Prompt.Length)
                    continue;
                // Prompt decoded once: sample 0 continues the root sequence, the others fork it.
                r.Samples[0].Conversation = r.Root;
                for (var s = 1; s < r.Samples.Length; s++)
                    r.Samples[s].Conversation = r.Root!.Fork();
                r.Generating = true;
            }

            foreach (var s in r.Samples)
            {
                if (s.Finish is not null || s.Conversation is not { RequiresSampling: true })
                    continue;
                if (s.Step(r.Request, vocab))
                {
                    // Free the sample's KV cells now; the other samples of the request go on.
                    s.Conversation.Dispose();
                }
            }

            if (r.AllFinished)
            {
                var result = r.ToResult(_modelId);
                Release(i);
                r.Completion.TrySetResult(result);
            }
        }
    }

    private void Release(int activeIndex)
    {
        var r = _active[activeIndex];
        _active.RemoveAt(activeIndex);
        _reservedSequences -= r.Samples.Length;
        _reservedCells -= r.Cells;
        r.Dispose();
    }

    private void FailActive(Exception error)
    {
        for (var i = _active.Count - 1; i >= 0; i--)
        {
            var r = _active[i];
            Release(i);
            r.Completion.TrySetException(error);
        }
    }

    public async ValueTask DisposeAsync()
    {
        CompleteAdding();
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }
        _executor.Dispose();
        _stop.Dispose();
    }

    /// <summary>Waits for accepted requests to finish, then stops the loop and frees the context.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        CompleteAdding();
        await _loop.WaitAsync(cancellationToken);
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Error, Message = "Decode loop of model {ModelId} failed")]
    private static partial void LogLoopFailed(ILogger logger, string modelId, Exception error);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "llama_decode returned {Status} for model {ModelId}; in-flight requests failed")]
    private static partial void LogDecodeFailed(ILogger logger, string modelId, DecodeResult status);
}
