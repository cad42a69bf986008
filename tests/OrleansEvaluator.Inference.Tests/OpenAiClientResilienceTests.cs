using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using OrleansEvaluator.Generation;
using OrleansEvaluator.Inference.Configuration;
using OrleansEvaluator.Inference.OpenAi;

namespace OrleansEvaluator.Inference.Tests;

/// <summary>Retry, timeout and concurrency behaviour of the OpenAI-compatible client, against a scripted handler.</summary>
public sealed class OpenAiClientResilienceTests
{
    private const string Ok = """{"choices":[{"index":0,"text":"fine","finish_reason":"stop"}],"usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}}""";

    private static readonly GenerationRequest s_request = new() { Model = "m", Prompt = "Hi", MaxTokens = 4 };

    private static OpenAiChatGenerator Client(ScriptedHandler handler, Action<OpenAiGeneratorOptions>? configure = null)
    {
        var options = new OpenAiGeneratorOptions
        {
            BaseAddress = new Uri("http://backend.test/"), MaxRetries = 3,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1), MaxRetryDelay = TimeSpan.FromMilliseconds(20),
        };
        configure?.Invoke(options);
        return new OpenAiChatGenerator(new HttpClient(handler), Options.Create(options));
    }

    [Fact]
    public async Task Transient_failures_are_retried_until_an_answer_arrives()
    {
        var handler = new ScriptedHandler(
            _ => Status(HttpStatusCode.ServiceUnavailable),
            _ => Status(HttpStatusCode.TooManyRequests),
            _ => throw new HttpRequestException("connection refused"),
            _ => Json(Ok));
        using var client = Client(handler);
        var result = await client.GenerateAsync(s_request, TestContext.Current.CancellationToken);
        Assert.Equal("fine", result.Text);
        Assert.Equal(4, handler.Calls);
        Assert.EndsWith("/v1/completions", handler.LastUri!.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_error_is_not_retried_and_carries_the_servers_message()
    {
        var handler = new ScriptedHandler(_ => Json("""{"error":{"message":"max_tokens too large","type":"invalid_request_error"}}""", HttpStatusCode.BadRequest));
        using var client = Client(handler);
        var error = await Assert.ThrowsAsync<OpenAiRequestException>(() => client.GenerateAsync(s_request, TestContext.Current.CancellationToken));
        Assert.Equal(1, handler.Calls);
        Assert.Contains("400", error.Message, StringComparison.Ordinal);
        Assert.Contains("max_tokens too large", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_attempt_that_exceeds_its_timeout_is_abandoned_and_retried()
    {
        var handler = new ScriptedHandler(
            async ct => { await Task.Delay(TimeSpan.FromSeconds(30), ct); return Json(Ok); },
            _ => Task.FromResult(Json(Ok)));
        using var client = Client(handler, o => o.AttemptTimeout = TimeSpan.FromMilliseconds(200));
        var result = await client.GenerateAsync(s_request, TestContext.Current.CancellationToken);
        Assert.Equal("fine", result.Text);
        Assert.Equal(2, handler.Calls);
    }

    [Fact]
    public async Task When_retries_run_out_the_error_counts_the_attempts()
    {
        var handler = new ScriptedHandler(_ => Status(HttpStatusCode.BadGateway));
        using var client = Client(handler, o => o.MaxRetries = 2);
        var error = await Assert.ThrowsAsync<OpenAiRequestException>(() => client.GenerateAsync(s_request, TestContext.Current.CancellationToken));
        Assert.Equal(3, error.Attempts);
        Assert.Equal(3, handler.Calls);
        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
    }

    [Fact]
    public async Task Requests_in_flight_never_exceed_the_concurrency_limit()
    {
        var handler = new ScriptedHandler(async ct => { await Task.Delay(20, ct); return Json(Ok); });
        using var client = Client(handler, o => o.MaxConcurrency = 3);
        await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => client.GenerateAsync(s_request, TestContext.Current.CancellationToken)));
        Assert.Equal(24, handler.Calls);
        Assert.Equal(3, handler.MaxConcurrent);
    }

    [Fact]
    public async Task Caller_cancellation_stops_at_once_without_retrying()
    {
        var handler = new ScriptedHandler(async ct => { await Task.Delay(TimeSpan.FromSeconds(30), ct); return Json(Ok); });
        using var client = Client(handler);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GenerateAsync(s_request, cancel.Token));
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task Samples_go_one_request_per_sample_with_consecutive_seeds()
    {
        var handler = new ScriptedHandler(_ => Json(Ok));
        using var client = Client(handler);
        var result = await client.GenerateAsync(s_request with { Samples = 3, Seed = 10, Temperature = 1 }, TestContext.Current.CancellationToken);
        Assert.Equal(3, result.Samples.Count);
        Assert.Equal([10, 11, 12], handler.Bodies.Select(b => (int)System.Text.Json.JsonDocument.Parse(b).RootElement.GetProperty("seed").GetInt64()).Order());
    }

    [Fact]
    public async Task A_malformed_answer_is_invalid_data_naming_the_field()
    {
        using var client = Client(new ScriptedHandler(_ => Json("""{"choices":[{"index":0}]}""")));
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => client.GenerateAsync(s_request, TestContext.Current.CancellationToken));
        Assert.Contains("'text'", error.Message, StringComparison.Ordinal);
        using var broken = Client(new ScriptedHandler(_ => Json("{not json")));
        await Assert.ThrowsAsync<InvalidDataException>(() => broken.GenerateAsync(s_request, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Grammars_are_refused_when_the_backend_has_no_grammar_dialect()
    {
        using var client = Client(new ScriptedHandler(_ => Json(Ok)), o => o.Grammar = GrammarDialect.None);
        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.GenerateAsync(s_request with { Grammar = "root ::= \"a\"" }, TestContext.Current.CancellationToken));
        Assert.StartsWith("Grammar:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Back_off_doubles_honours_retry_after_and_is_capped()
    {
        var o = new OpenAiGeneratorOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(100), MaxRetryDelay = TimeSpan.FromSeconds(2) };
        var now = DateTimeOffset.UnixEpoch;
        Assert.Equal(TimeSpan.FromMilliseconds(100), RetryPolicy.Delay(0, null, now, o));
        Assert.Equal(TimeSpan.FromMilliseconds(400), RetryPolicy.Delay(2, null, now, o));
        Assert.Equal(TimeSpan.FromSeconds(2), RetryPolicy.Delay(10, null, now, o));
        Assert.Equal(TimeSpan.FromSeconds(1), RetryPolicy.Delay(0, new RetryConditionHeaderValue(TimeSpan.FromSeconds(1)), now, o));
        Assert.Equal(TimeSpan.FromSeconds(2), RetryPolicy.Delay(0, new RetryConditionHeaderValue(now.AddMinutes(5)), now, o));
        Assert.True(RetryPolicy.IsTransient(HttpStatusCode.ServiceUnavailable));
        Assert.False(RetryPolicy.IsTransient(HttpStatusCode.Unauthorized));
    }

    [Fact]
    public void Invalid_client_options_name_each_field()
    {
        var error = Assert.Throws<OptionsValidationException>(() => new OpenAiChatGenerator(new HttpClient(),
            Options.Create(new OpenAiGeneratorOptions { BaseAddress = null, MaxConcurrency = 0, AttemptTimeout = TimeSpan.Zero })));
        Assert.Contains("BaseAddress", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxConcurrency", error.Message, StringComparison.Ordinal);
        Assert.Contains("AttemptTimeout", error.Message, StringComparison.Ordinal);
    }

    private static HttpResponseMessage Status(HttpStatusCode status) => new(status) { Content = new StringContent("busy") };

    private static HttpResponseMessage Json(string body, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    /// <summary>Answers call k with script step k (the last step repeats); records calls and peak concurrency.</summary>
    private sealed class ScriptedHandler(params Func<CancellationToken, Task<HttpResponseMessage>>[] script) : HttpMessageHandler
    {
        private int _calls;
        private int _concurrent;
        private int _max;

        public ScriptedHandler(params Func<CancellationToken, HttpResponseMessage>[] script)
            : this(script.Select(s => (Func<CancellationToken, Task<HttpResponseMessage>>)(ct => Task.FromResult(s(ct)))).ToArray())
        {
        }

        public int Calls => Volatile.Read(ref _calls);

        public int MaxConcurrent => Volatile.Read(ref _max);

        public Uri? LastUri { get; private set; }

        public List<string> Bodies { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var call = Interlocked.Increment(ref _calls) - 1;
            var now = Interlocked.Increment(ref _concurrent);
            int seen;
            while (now > (seen = Volatile.Read(ref _max)) && Interlocked.CompareExchange(ref _max, now, seen) != seen)
            {
            }
            try
            {
                LastUri = request.RequestUri;
                var body = await request.Content!.ReadAsStringAsync(cancellationToken);
                lock (Bodies)
                    Bodies.Add(body);
                return await script[Math.Min(call, script.Length - 1)](cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _concurrent);
            }
        }
    }
}
