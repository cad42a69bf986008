using System.Net;

namespace OrleansEvaluator.Inference.OpenAi;

/// <summary>An OpenAI-compatible server refused a request, or kept failing until the retries ran out.</summary>
public sealed class OpenAiRequestException : Exception
{
    public OpenAiRequestException() { }

    public OpenAiRequestException(string message) : base(message) { }

    public OpenAiRequestException(string message, Exception innerException) : base(message, innerException) { }

    public OpenAiRequestException(string message, HttpStatusCode? status, int attempts, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = status;
        Attempts = attempts;
    }

    /// <summary>The last HTTP status, or null when no response arrived.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Attempts made.</summary>
    public int Attempts { get; }
}
