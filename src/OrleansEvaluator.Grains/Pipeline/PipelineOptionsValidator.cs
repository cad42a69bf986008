using Microsoft.Extensions.Options;

namespace OrleansEvaluator.Grains.Pipeline;

/// <summary>Checks <see cref="PipelineOptions"/> at silo start.</summary>
public sealed class PipelineOptionsValidator : IValidateOptions<PipelineOptions>
{
    public ValidateOptionsResult Validate(string? name, PipelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.ChunkSize < 1)
            errors.Add($"Pipeline:ChunkSize must be at least 1 (got {options.ChunkSize}).");
        if (options.ChunksInFlight < 1)
            errors.Add($"Pipeline:ChunksInFlight must be at least 1 (got {options.ChunksInFlight}).");
        if (options.MaxAttempts < 1)
            errors.Add($"Pipeline:MaxAttempts must be at least 1 (got {options.MaxAttempts}).");
        if (options.RetryDelay < TimeSpan.Zero || options.MaxRetryDelay < options.RetryDelay)
            errors.Add("Pipeline:RetryDelay must be non-negative and at most MaxRetryDelay.");
        if (options.CoordinatorTick <= TimeSpan.Zero)
            errors.Add("Pipeline:CoordinatorTick must be positive.");
        if (options.MaxStageFailures < 1)
            errors.Add($"Pipeline:MaxStageFailures must be at least 1 (got {options.MaxStageFailures}).");
        if (string.IsNullOrWhiteSpace(options.ModelCache))
            errors.Add("Pipeline:ModelCache is required.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
