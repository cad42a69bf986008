using Microsoft.Extensions.Options;

namespace OrleansEvaluator.Grains.Inference;

/// <summary>Every catalog entry must name an existing file.</summary>
public sealed class ModelCatalogOptionsValidator : IValidateOptions<ModelCatalogOptions>
{
    public ValidateOptionsResult Validate(string? name, ModelCatalogOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Paths.Where(p => !File.Exists(p.Value))
            .Select(p => $"{ModelCatalogOptions.SectionName}:Paths:{p.Key}: file '{p.Value}' does not exist.").ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
