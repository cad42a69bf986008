namespace OrleansEvaluator.Grains.Pipeline;

/// <summary>A chunk of work failed on every attempt.</summary>
[GenerateSerializer, Alias("oeval.WorkerFanoutException")]
public sealed class WorkerFanoutException : Exception
{
    public WorkerFanoutException()
    {
    }

    public WorkerFanoutException(string message) : base(message)
    {
    }

    public WorkerFanoutException(string message, Exception inner) : base(message, inner)
    {
    }
}
