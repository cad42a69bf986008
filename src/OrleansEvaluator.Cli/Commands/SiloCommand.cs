using System.CommandLine;
using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using OrleansEvaluator.Grains;

namespace OrleansEvaluator.Cli.Commands;

/// <summary>
/// <c>oeval silo</c>: one entry point for every role; localhost clustering (embedded and local clusters), or Azure
/// Storage clustering and storage with <c>--azure</c> (cluster mode).
/// </summary>
internal static class SiloCommand
{
    public static Command Create()
    {
        var roles = new Option<string?>("--roles") { Description = $"Comma-separated roles ({string.Join(", ", SiloRoles.All)}); default: ${EvaluatorSiloBuilderExtensions.RolesEnvironmentVariable} or all." };
        var models = new Option<string[]>("--model", "-m") { Description = "Worker catalog entry ID=FILE (repeatable)." };
        var state = new Option<DirectoryInfo?>("--state") { Description = "Folder for grain state and artifacts (embedded mode)." };
        var azure = new Option<string?>("--azure")
        {
            Description = $"Azure Storage connection string: membership, grain state and artifacts in that account (cluster mode); default: ${EvaluatorSiloBuilderExtensions.AzureStorageEnvironmentVariable}.",
        };
        var advertiseIp = new Option<string?>("--advertise-ip") { Description = "With --azure: the address other silos and clients reach this one at; listens on every address. Default: loopback only." };
        var fastFailure = new Option<bool>("--fast-failure-detection") { Description = "Declare dead silos within seconds (tests and development clusters)." };
        var modelCache = new Option<DirectoryInfo?>("--model-cache") { Description = "Where workers and trainers keep models fetched from the artifact store (default: a temp folder)." };
        var simulateLatency = new Option<int?>("--simulate-latency-ms") { Description = "Worker role: a fixed-latency simulator instead of the model engine (orchestration benchmarks)." };
        var simulateCapacity = new Option<int>("--simulate-capacity") { DefaultValueFactory = _ => 8, Description = "With --simulate-latency-ms: requests served at once." };
        var siloPort = new Option<int>("--silo-port") { DefaultValueFactory = _ => 11111, Description = "Silo-to-silo port." };
        var gatewayPort = new Option<int>("--gateway-port") { DefaultValueFactory = _ => 30000, Description = "Client gateway port." };
        var primaryPort = new Option<int?>("--primary-port") { Description = "Silo port of the primary silo (localhost clustering only); default: this silo." };
        var clusterId = new Option<string>("--cluster-id") { DefaultValueFactory = _ => "oeval", Description = "Cluster id." };
        var threads = CommonOptions.Threads();
        var verbose = CommonOptions.Verbose();
        var command = new Command("silo", "Run a silo with the given roles until stopped (Ctrl-C or SIGTERM).")
        {
            roles, models, state, azure, advertiseIp, fastFailure, modelCache, simulateLatency, simulateCapacity, siloPort, gatewayPort, primaryPort, clusterId, threads, verbose,
        };
        command.SetAction((parse, ct) => CliErrors.RunAsync(async () =>
        {
            var roleList = SiloRoles.Parse([parse.GetValue(roles)
                ?? Environment.GetEnvironmentVariable(EvaluatorSiloBuilderExtensions.RolesEnvironmentVariable)
                ?? string.Join(',', SiloRoles.All)]);
            var catalog = (parse.GetValue(models) ?? []).Select(spec => spec.Split('=', 2)).ToArray();
            if (catalog.Any(parts => parts.Length != 2 || parts[0].Length == 0))
                throw new ArgumentException("--model: use ID=FILE.");
            var port = parse.GetValue(siloPort);
            var connection = parse.GetValue(azure) is { Length: > 0 } given ? given
                : Environment.GetEnvironmentVariable(EvaluatorSiloBuilderExtensions.AzureStorageEnvironmentVariable) is { Length: > 0 } fromEnv ? fromEnv
                : null;
            IPAddress? advertised = null;
            if (parse.GetValue(advertiseIp) is { } ip && !IPAddress.TryParse(ip, out advertised))
                throw new ArgumentException($"--advertise-ip: '{ip}' is not an IP address.");
            if (connection is null && advertised is not null)
                throw new ArgumentException("--advertise-ip needs --azure (localhost clustering runs on loopback).");
            if (connection is not null && parse.GetValue(primaryPort) is not null)
                throw new ArgumentException("--primary-port is for localhost clustering; with --azure silos find each other in the membership table.");
            if (connection is not null && parse.GetValue(state) is not null)
                throw new ArgumentException("--state is for embedded mode; with --azure grain state and artifacts live in Azure Storage.");
            if (connection is not null) // before the host starts, so a bad value is one error line
                OrleansEvaluator.Hosting.Configuration.AzureStorageOptionsValidator.EnsureValid(new() { ConnectionString = connection });
            var builder = Host.CreateApplicationBuilder();
            builder.Logging.SetMinimumLevel(parse.GetValue(verbose) ? LogLevel.Information : LogLevel.Warning);
            builder.UseOrleans(silo =>
            {
                silo.Configure<ClusterOptions>(o => { o.ClusterId = parse.GetValue(clusterId)!; o.ServiceId = "oeval"; });
                if (connection is not null)
                {
                    silo.AddEvaluatorAzureStorage(o => o.ConnectionString = connection);
                    silo.ConfigureEndpoints(advertised ?? IPAddress.Loopback, port, parse.GetValue(gatewayPort), listenOnAnyHostAddress: advertised is not null);
                }
                else
                {
                    silo.UseLocalhostClustering(port, parse.GetValue(gatewayPort), new IPEndPoint(IPAddress.Loopback, parse.GetValue(primaryPort) ?? port));
                    if (parse.GetValue(state) is { } folder)
                        silo.AddEvaluatorLocalStorage(folder.FullName);
                    else
                        silo.AddMemoryGrainStorage(OrleansEvaluator.Grains.Registry.ModelRegistryGrain.StorageName);
                }
                if (parse.GetValue(fastFailure))
                    silo.UseEvaluatorFastFailureDetection();
                // A silo with persistent state picks up unfinished runs when it (re)starts as a coordinator.
                silo.AddEvaluatorPipeline(p =>
                {
                    p.ResumeRunsOnStart = connection is not null || parse.GetValue(state) is not null;
                    if (parse.GetValue(modelCache) is { } cache)
                        p.ModelCache = cache.FullName;
                });
                silo.UseEvaluatorRoles(roleList);
                if (roleList.Contains(SiloRoles.Worker) && parse.GetValue(simulateLatency) is { } latency)
                {
                    silo.AddSimulatedInferenceWorker(o =>
                    {
                        o.Latency = TimeSpan.FromMilliseconds(latency);
                        o.Capacity = parse.GetValue(simulateCapacity);
                    });
                }
                else if (roleList.Contains(SiloRoles.Worker))
                {
                    silo.AddInferenceWorker(c =>
                    {
                        foreach (var parts in catalog)
                            c.Paths[parts[0]] = Path.GetFullPath(parts[1]);
                    }, e => e.Threads = parse.GetValue(threads));
                }
                if (roleList.Contains(SiloRoles.Trainer))
                    silo.AddTrainer(new OrleansEvaluator.Training.TrainerOptions { Threads = parse.GetValue(threads) });
            });
            using var host = builder.Build();
            await host.StartAsync(ct);
            Console.WriteLine($"silo ready: roles {string.Join(",", roleList)}, silo port {port}, gateway port {parse.GetValue(gatewayPort)}, {(connection is null ? "localhost clustering" : "azure storage")}");
            await host.WaitForShutdownAsync(ct);
            return 0;
        }));
        return command;
    }
}
