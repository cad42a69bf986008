using OrleansEvaluator.Hosting.Configuration;

namespace OrleansEvaluator.Grains.Tests;

public sealed class AzureStorageOptionsValidatorTests
{
    [Fact]
    public void Defaults_with_a_connection_string_are_valid()
    {
        var result = new AzureStorageOptionsValidator().Validate(null, new AzureStorageOptions { ConnectionString = "UseDevelopmentStorage=true" });
        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Every_bad_field_is_reported_at_once()
    {
        var result = new AzureStorageOptionsValidator().Validate(null, new AzureStorageOptions
        {
            ConnectionString = "",
            ArtifactContainer = "Bad--Name",
            ClusteringTable = "1table",
            GrainStateTable = "ok",
        });
        Assert.True(result.Failed);
        var failures = result.Failures!.ToArray();
        Assert.Equal(4, failures.Length);
        Assert.Contains(failures, f => f.Contains("ConnectionString", StringComparison.Ordinal) && f.Contains("OEVAL_AZURE_STORAGE", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("'Bad--Name'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("'1table'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("'ok'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("not a connection string")]
    [InlineData("AccountKey=abc")]
    public void A_connection_string_without_an_account_or_endpoint_is_refused(string connection)
    {
        var result = new AzureStorageOptionsValidator().Validate(null, new AzureStorageOptions { ConnectionString = connection });
        Assert.Contains(result.Failures!, f => f.Contains("ConnectionString", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("oeval-artifacts")]
    [InlineData("a1-b2-c3")]
    public void Valid_container_names_pass(string container)
    {
        var result = new AzureStorageOptionsValidator().Validate(null, new AzureStorageOptions { ConnectionString = "UseDevelopmentStorage=true", ArtifactContainer = container });
        Assert.True(result.Succeeded, string.Join("; ", result.Failures ?? []));
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("-abc")]
    [InlineData("abc-")]
    [InlineData("ab--c")]
    [InlineData("ABC")]
    public void Invalid_container_names_fail(string container)
    {
        var result = new AzureStorageOptionsValidator().Validate(null, new AzureStorageOptions { ConnectionString = "UseDevelopmentStorage=true", ArtifactContainer = container });
        Assert.True(result.Failed);
    }
}
