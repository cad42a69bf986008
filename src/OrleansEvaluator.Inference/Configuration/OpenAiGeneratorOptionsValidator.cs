using Microsoft.Extensions.Options;

namespace OrleansEvaluator.Inference.Configuration;

/// <summary>Checks every <see cref="OpenAiGeneratorOptions"/> field and reports all problems at once.</summary>
public sealed class OpenAiGeneratorOptionsValidator : IValidateOptions<OpenAiGeneratorOptions>
{
    public ValidateOptionsResult Validate(string? name, OpenAiGeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var p = OpenAiGeneratorOptions.SectionName + ":";
        var errors = new List<string>();
        if (options.BaseAddress is not { IsAbsoluteUri: true } uri || uri.Scheme is not ("http" or "https"))
            errors.Add($"{p}BaseAddress must be an absolute http(s) URI (got '{options.BaseAddress}').");
        if (options.AttemptTimeout <= TimeSpan.Zero)
            errors.Add($"{p}AttemptTimeout must be positive (got {options.AttemptTimeout}).");
        if (options.MaxRetries is < 0 or > 20)
            errors.Add($"{p}MaxRetries must be in [0, 20] (got {options.MaxRetries}).");
        if (options.RetryBaseDelay < TimeSpan.Zero || options.MaxRetryDelay < options.RetryBaseDelay)
            errors.Add($"{p}RetryBaseDelay must be >= 0 and <= MaxRetryDelay (got {options.RetryBaseDelay} and {options.MaxRetryDelay}).");
        if (options.MaxConcurrency < 1)
            errors.Add($"{p}MaxConcurrency must be at least 1 (got {options.MaxConcurrency}).");
        if (!Enum.IsDefined(options.Grammar))
            errors.Add($"{p}Grammar must be None, LlamaServer or Vllm (got {options.Grammar}).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Validates and throws <see cref="OptionsValidationException"/> listing every problem.</summary>
    public static void EnsureValid(OpenAiGeneratorOptions options)
    {
        var result = new OpenAiGeneratorOptionsValidator().Validate(null, options);
        if (result.Failed)
            throw new OptionsValidationException(nameof(OpenAiGeneratorOptions), typeof(OpenAiGeneratorOptions), result.Failures);
    }
}
