using System.CommandLine;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using OrleansEvaluator.Artifacts;
using OrleansEvaluator.Core.Artifacts;
using OrleansEvaluator.Hosting.Configuration;
using OrleansEvaluator.Hosting.Storage;

namespace OrleansEvaluator.Cli.Commands;

/// <summary>How a client command reaches a running cluster: Azure Storage (cluster mode) or localhost gateways.</summary>
internal sealed class ClusterConnection
{
    public Option<string?> Azure { get; } = new("--azure")
    {
        Description = $"Azure Storage connection string of the cluster; default: ${EvaluatorSiloBuilderExtensions.AzureStorageEnvironmentVariable}.",
    };

    public Option<int[]> Gateways { get; } = new("--gateway") { Description = "Gateway port of a localhost cluster (repeatable)." };

    public Option<DirectoryInfo?> State { get; } = new("--state") { Description = "With --gateway: the cluster's state folder (its artifact store)." };

    public Option<string> ClusterId { get; } = new("--cluster-id") { DefaultValueFactory = _ => "oeval", Description = "Cluster id." };

    public void AddTo(Command command)
    {
        command.Options.Add(Azure);
        command.Options.Add(Gateways);
        command.Options.Add(State);
        command.Options.Add(ClusterId);
    }

    private static string? ConnectionOf(ParseResult parse, Option<string?> azure) =>
        parse.GetValue(azure) is { Length: > 0 } given ? given
        : Environment.GetEnvironmentVariable(EvaluatorSiloBuilderExtensions.AzureStorageEnvironmentVariable) is { Length: > 0 } env ? env
        : null;

    /// <summary>A started client host; its services hold <see cref="IClusterClient"/>.</summary>
    public async Task<IHost> ConnectAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var connection = ConnectionOf(parse, Azure);
        var gateways = parse.GetValue(Gateways) ?? [];
        if (connection is null == (gateways.Length == 0))
            throw new ArgumentException("Give --azure CONNSTR (or $OEVAL_AZURE_STORAGE) for a cluster in Azure Storage, or --gateway PORT for a localhost cluster.");
        if (connection is not null)
            AzureStorageOptionsValidator.EnsureValid(new() { ConnectionString = connection });
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Error);
        builder.UseOrleansClient(c =>
        {
            c.Configure<ClusterOptions>(o => { o.ClusterId = parse.GetValue(ClusterId)!; o.ServiceId = "oeval"; });
            if (connection is not null)
                c.UseEvaluatorAzureClustering(connection);
            else
                c.UseLocalhostClustering(gateways);
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            host.Dispose();
            throw new ArgumentException($"Could not reach the cluster ({e.Message}).", e);
        }
        return host;
    }

    /// <summary>The cluster's artifact store, as seen from this machine.</summary>
    public IArtifactStore Store(ParseResult parse)
    {
        if (ConnectionOf(parse, Azure) is { } connection)
            return new AzureBlobArtifactStore(new BlobContainerClient(connection, AzureStorageOptions.DefaultArtifactContainer));
        var state = parse.GetValue(State)
            ?? throw new ArgumentException("--state: a localhost cluster's artifacts are in its state folder; give the folder its silos use.");
        return new LocalArtifactStore(Path.Combine(state.FullName, "artifacts"));
    }

    public static IClusterClient Client(IHost host) => host.Services.GetRequiredService<IClusterClient>();
}
