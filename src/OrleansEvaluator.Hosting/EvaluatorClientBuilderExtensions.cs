using Azure.Data.Tables;
using OrleansEvaluator.Hosting.Configuration;

namespace Orleans.Hosting;

/// <summary>Client wiring for OrleansEvaluator.</summary>
public static class EvaluatorClientBuilderExtensions
{
    /// <summary>
    /// Finds the cluster's gateways in the Azure membership table that silos with
    /// <see cref="EvaluatorSiloBuilderExtensions.AddEvaluatorAzureStorage"/> write (cluster mode).
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="connectionString">The storage account's connection string, as given to the silos.</param>
    /// <param name="clusteringTable">The membership table, as given to the silos.</param>
    public static IClientBuilder UseEvaluatorAzureClustering(this IClientBuilder client, string connectionString, string? clusteringTable = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var table = clusteringTable ?? new AzureStorageOptions().ClusteringTable;
        client.UseAzureStorageClustering(o =>
        {
            o.TableServiceClient = new TableServiceClient(connectionString);
            o.TableName = table;
        });
        return client;
    }
}
