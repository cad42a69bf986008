namespace OrleansEvaluator.Hosting.Configuration;

/// <summary>
/// Cluster mode over one Azure Storage account (or Azurite): membership and grain state in tables, artifacts in a
/// blob container. Set with <c>silo.AddEvaluatorAzureStorage(o => …)</c>; validated at configuration time.
/// </summary>
public sealed class AzureStorageOptions
{
    /// <summary>The default <see cref="ArtifactContainer"/>.</summary>
    public const string DefaultArtifactContainer = "oeval-artifacts";

    /// <summary>The storage account's connection string (for Azurite, the one <c>scripts/azurite</c> prints the ports for).</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Blob container for artifacts; created when missing.</summary>
    public string ArtifactContainer { get; set; } = DefaultArtifactContainer;

    /// <summary>Table of the cluster's membership (one partition per cluster id).</summary>
    public string ClusteringTable { get; set; } = "OrleansSiloInstances";

    /// <summary>Table of grain state (keyed by service id and grain id).</summary>
    public string GrainStateTable { get; set; } = "OrleansGrainState";

    /// <summary>Folder where artifact uploads are buffered; default: the system's temporary folder.</summary>
    public string? ArtifactTempFolder { get; set; }
}
