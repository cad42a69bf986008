using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace OrleansEvaluator.Hosting.Configuration;

/// <summary>Checks every <see cref="AzureStorageOptions"/> field against Azure's naming rules and reports all problems at once.</summary>
public sealed partial class AzureStorageOptionsValidator : IValidateOptions<AzureStorageOptions>
{
    // Container: 3-63 characters, lower-case letters, digits and single hyphens, starting and ending with a letter or digit.
    [GeneratedRegex("^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}$")]
    private static partial Regex ContainerName();

    // Table: 3-63 letters and digits, starting with a letter.
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    private static partial Regex TableName();

    public ValidateOptionsResult Validate(string? name, AzureStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
            errors.Add($"AzureStorage:ConnectionString is required (or set {Orleans.Hosting.EvaluatorSiloBuilderExtensions.AzureStorageEnvironmentVariable}).");
        else if (!LooksLikeConnectionString(options.ConnectionString))
            errors.Add("AzureStorage:ConnectionString must be 'UseDevelopmentStorage=true' or key=value pairs separated by ';' with an AccountName or endpoints.");
        if (options.ArtifactContainer is null || !ContainerName().IsMatch(options.ArtifactContainer))
            errors.Add($"AzureStorage:ArtifactContainer must be 3-63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit (got '{options.ArtifactContainer}').");
        if (options.ClusteringTable is null || !TableName().IsMatch(options.ClusteringTable))
            errors.Add($"AzureStorage:ClusteringTable must be 3-63 letters and digits starting with a letter (got '{options.ClusteringTable}').");
        if (options.GrainStateTable is null || !TableName().IsMatch(options.GrainStateTable))
            errors.Add($"AzureStorage:GrainStateTable must be 3-63 letters and digits starting with a letter (got '{options.GrainStateTable}').");
        else if (string.Equals(options.GrainStateTable, options.ClusteringTable, StringComparison.OrdinalIgnoreCase))
            errors.Add($"AzureStorage:GrainStateTable must differ from ClusteringTable (both '{options.GrainStateTable}').");
        if (options.ArtifactTempFolder is { } temp && string.IsNullOrWhiteSpace(temp))
            errors.Add("AzureStorage:ArtifactTempFolder must be a path or null.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Validates and throws <see cref="OptionsValidationException"/> listing every problem.</summary>
    public static void EnsureValid(AzureStorageOptions options)
    {
        var result = new AzureStorageOptionsValidator().Validate(null, options);
        if (result.Failed)
            throw new OptionsValidationException(nameof(AzureStorageOptions), typeof(AzureStorageOptions), result.Failures);
    }

    private static bool LooksLikeConnectionString(string value)
    {
        var pairs = value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .ToArray();
        if (pairs.Length == 0 || pairs.Any(p => p.Length != 2 || p[0].Length == 0))
            return false;
        var keys = pairs.Select(p => p[0]).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return keys.Contains("UseDevelopmentStorage") || keys.Contains("AccountName")
            || keys.Contains("BlobEndpoint") || keys.Contains("TableEndpoint");
    }
}
