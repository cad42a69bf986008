using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OrleansEvaluator.Generation;
using OrleansEvaluator.Inference.Configuration;

namespace OrleansEvaluator.Inference.OpenAi;

/// <summary>
/// <see cref="ITextGenerator"/> over an OpenAI-compatible server: chat turns go to <c>v1/chat/completions</c>,
/// raw prompts to <c>v1/completions</c>. Each HTTP attempt has a timeout; transient failures are retried with
/// back-off; a semaphore bounds the requests in flight.
/// </summary>
public sealed partial class OpenAiChatGenerator : ITextGenerator, IDisposable
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient _http;
    private readonly OpenAiGeneratorOptions _options;
    private readonly SemaphoreSlim _slots;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public OpenAiChatGenerator(HttpClient http, IOptions<OpenAiGeneratorOptions> options, TimeProvider? time = null,
        ILogger<OpenAiChatGenerator>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        OpenAiGeneratorOptionsValidator.EnsureValid(_options);
        _http = http;
        _slots = new SemaphoreSlim(_options.MaxConcurrency, _options.MaxConcurrency);
        _time = time ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        var key = _options.ApiKey ?? Environment.GetEnvironmentVariable(OpenAiGeneratorOptions.ApiKeyEnvironmentVariable);
        if (!string.IsNullOrEmpty(key))
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
    }

    /// <inheritdoc />
    public async Task<GenerationResult> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.EnsureValid();
        if (request.Grammar is not null && _options.Grammar == GrammarDialect.None)
            throw new ArgumentException("Grammar: this OpenAI-compatible backend is configured without grammar support (Inference:OpenAi:Grammar = None).");

        var chat = request.Messages is not null;
        var path = chat ? "v1/chat/completions" : "v1/completions";
        WireCompletionResponse[] responses;
        if (_options.UseN || request.Samples == 1)
        {
            responses = [await SendAsync(path, ToWire(request, request.Seed, request.Samples), cancellationToken)];
        }
        else
        {
            responses = await Task.WhenAll(Enumerable.Range(0, request.Samples).Select(i =>
                SendAsync(path, ToWire(request, unchecked(request.Seed + (uint)i), 1), cancellationToken)));
        }

        var samples = new List<GeneratedSample>(request.Samples);
        foreach (var response in responses)
        {
            var choices = response.Choices ?? throw new InvalidDataException($"{path}: the response has no 'choices'.");
            foreach (var choice in choices.OrderBy(c => c.Index))
            {
                var text = (chat ? choice.Message?.Content : choice.Text)
                    ?? throw new InvalidDataException($"{path}: choices[{choice.Index}] has no '{(chat ? "message.content" : "text")}'.");
                var finish = choice.FinishReason switch
                {
                    "length" => FinishReason.Length,
                    _ => FinishReason.EndOfSequence,
                };
                samples.Add(new GeneratedSample(samples.Count, text, finish, []));
            }
        }
        if (samples.Count != request.Samples)
            throw new InvalidDataException($"{path}: asked for {request.Samples} samples, received {samples.Count}.");

        var usage = new TokenUsage(
            responses.Max(r => r.Usage?.PromptTokens ?? 0),
            responses.Sum(r => r.Usage?.PromptTokensDetails?.CachedTokens ?? 0),
            responses.Sum(r => r.Usage?.CompletionTokens ?? 0));
        return new GenerationResult(request.Model, samples, usage);
    }

    private WireCompletionRequest ToWire(GenerationRequest request, uint seed, int n) => new()
    {
        Model = _options.ModelNames.TryGetValue(request.Model, out var name) ? name : request.Model,
        Messages = request.Messages?.Select(m => new WireMessage(m.Role, m.Content)).ToArray(),
        Prompt = request.Prompt,
        MaxTokens = request.MaxTokens,
        Temperature = request.Temperature,
        TopP = request.TopP,
        Seed = seed,
        N = n == 1 ? null : n,
        Stop = request.Stop.Count == 0 ? null : request.Stop,
        Grammar = _options.Grammar == GrammarDialect.LlamaServer ? request.Grammar : null,
        GuidedGrammar = _options.Grammar == GrammarDialect.Vllm ? request.Grammar : null,
    };

    private async Task<WireCompletionResponse> SendAsync(string path, WireCompletionRequest body, CancellationToken cancellationToken)
    {
        var uri = new Uri(_options.BaseAddress!, path);
        await _slots.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                HttpStatusCode? status = null;
                RetryConditionHeaderValue? retryAfter = null;
                Exception? failure;
                using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                attemptTimeout.CancelAfter(_options.AttemptTimeout);
                try
                {
                    using var response = await _http.PostAsJsonAsync(uri, body, s_json, attemptTimeout.Token);
                    status = response.StatusCode;
                    if (response.IsSuccessStatusCode)
                    {
                        return await response.Content.ReadFromJsonAsync<WireCompletionResponse>(s_json, attemptTimeout.Token)
                            ?? throw new InvalidDataException($"{uri}: the response body is empty.");
                    }
                    var detail = await ReadErrorAsync(response, attemptTimeout.Token);
                    if (!RetryPolicy.IsTransient(response.StatusCode))
                    {
                        throw new OpenAiRequestException(
                            string.Create(CultureInfo.InvariantCulture, $"{uri} answered {(int)response.StatusCode} {response.StatusCode}: {detail}"),
                            response.StatusCode, attempt);
                    }
                    retryAfter = response.Headers.RetryAfter;
                    failure = new HttpRequestException(detail, null, response.StatusCode);
                }
                catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = new TimeoutException($"{uri}: no answer within {_options.AttemptTimeout.TotalSeconds:F1} s.", e);
                }
                catch (HttpRequestException e)
                {
                    failure = e;
                }
                catch (JsonException e)
                {
                    throw new InvalidDataException($"{uri}: the response is not valid JSON ({e.Message}).", e);
                }

                if (attempt > _options.MaxRetries)
                {
                    throw new OpenAiRequestException(
                        string.Create(CultureInfo.InvariantCulture, $"{uri} failed {attempt} times; last: {failure.Message}"),
                        status, attempt, failure);
                }
                var delay = RetryPolicy.Delay(attempt - 1, retryAfter, _time.GetUtcNow(), _options);
                LogRetry(_logger, uri, attempt, delay.TotalMilliseconds, failure.Message);
                await Task.Delay(delay, _time, cancellationToken);
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    private static async Task<string> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            var error = JsonSerializer.Deserialize<WireErrorResponse>(text, s_json);
            if (error?.Error?.Message is { } message)
                return message;
        }
        catch (JsonException)
        {
        }
        return text.Length > 500 ? text[..500] + "…" : text;
    }

    public void Dispose() => _slots.Dispose();

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "{Uri}: attempt {Attempt} failed ({Reason}); retrying in {DelayMs} ms")]
    private static partial void LogRetry(ILogger logger, Uri uri, int attempt, double delayMs, string reason);
}
