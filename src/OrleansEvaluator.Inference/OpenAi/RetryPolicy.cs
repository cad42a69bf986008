using System.Net;
using System.Net.Http.Headers;
using OrleansEvaluator.Inference.Configuration;

namespace OrleansEvaluator.Inference.OpenAi;

/// <summary>Which failures are worth another attempt, and how long to wait before it.</summary>
public static class RetryPolicy
{
    /// <summary>408, 429 and every 5xx are transient; other statuses are the caller's fault and are not retried.</summary>
    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    /// <summary>
    /// Exponential back-off (<c>base × 2^retry</c>), raised to the server's Retry-After when that is larger, never
    /// above <see cref="OpenAiGeneratorOptions.MaxRetryDelay"/>. No jitter: runs are reproducible.
    /// </summary>
    public static TimeSpan Delay(int retry, RetryConditionHeaderValue? retryAfter, DateTimeOffset now, OpenAiGeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var backoff = options.RetryBaseDelay * Math.Pow(2, Math.Min(retry, 30));
        var serverAsked = retryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - now,
            _ => TimeSpan.Zero,
        };
        var delay = backoff > serverAsked ? backoff : serverAsked;
        return delay > options.MaxRetryDelay ? options.MaxRetryDelay : delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }
}
