using Microsoft.Extensions.Options;

namespace OrleansEvaluator.Inference.Configuration;

/// <summary>Checks every <see cref="LlamaEngineOptions"/> field and reports all problems at once.</summary>
public sealed class LlamaEngineOptionsValidator : IValidateOptions<LlamaEngineOptions>
{
    public ValidateOptionsResult Validate(string? name, LlamaEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        var prefix = LlamaEngineOptions.SectionName + ":";
        if (options.ContextSize < 256 || options.ContextSize % 256 != 0)
            errors.Add($"{prefix}ContextSize must be a positive multiple of 256 (got {options.ContextSize}).");
        if (options.BatchSize < 1 || options.BatchSize > options.ContextSize)
            errors.Add($"{prefix}BatchSize must be in [1, ContextSize] (got {options.BatchSize}).");
        if (options.MaxSequences < 1 || options.MaxSequences > LlamaEngineOptions.SequenceLimit)
            errors.Add($"{prefix}MaxSequences must be in [1, {LlamaEngineOptions.SequenceLimit}] (got {options.MaxSequences}).");
        if (options.MaxSequences > options.BatchSize)
            errors.Add($"{prefix}MaxSequences ({options.MaxSequences}) must not exceed BatchSize ({options.BatchSize}): every generating sequence takes a slot in each step's batch.");
        if (options.Threads < 1)
            errors.Add($"{prefix}Threads must be at least 1 (got {options.Threads}); or set {LlamaEngineOptions.ThreadsEnvironmentVariable}.");
        if (options.QueueCapacity < 1)
            errors.Add($"{prefix}QueueCapacity must be at least 1 (got {options.QueueCapacity}).");
        if (string.IsNullOrWhiteSpace(options.ChatTemplateFallback))
            errors.Add($"{prefix}ChatTemplateFallback is required (for example 'chatml').");
        if (options.NativeLibraryDirectory is { } dir && !File.Exists(Path.Combine(dir, "libllama.so"))
            && !File.Exists(Path.Combine(dir, "llama.dll")) && !File.Exists(Path.Combine(dir, "libllama.dylib")))
            errors.Add($"{prefix}NativeLibraryDirectory '{dir}' holds no llama library.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Validates and throws <see cref="OptionsValidationException"/> listing every problem.</summary>
    public static void EnsureValid(LlamaEngineOptions options)
    {
        var result = new LlamaEngineOptionsValidator().Validate(null, options);
        if (result.Failed)
            throw new OptionsValidationException(nameof(LlamaEngineOptions), typeof(LlamaEngineOptions), result.Failures);
    }
}
