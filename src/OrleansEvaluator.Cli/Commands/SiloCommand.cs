using System.CommandLine;
using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using OrleansEvaluator.Grains;

namespace OrleansEvaluator.Cli.Commands;

/// <summary><c>oeval silo</c>: one entry point for every role; localhost clustering (embedded and local clusters).</summary>
internal static class SiloCommand
{
    public static Command Create()
    {
        var roles = new Option<string?>("--roles") { Description = $"Comma-separated roles ({string.Join(", ", SiloRoles.All)}); default: ${Orleans.Hosting.EvaluatorSiloBuilderExtensions.RolesEnvironmentVariable} or all." };
        var models = new Option<string[]>("--model", "-m") { Description = "Worker catalog entry ID=FILE (repeatable)." };
        var state = new Option<DirectoryInfo?>("--state") { Description = "Folder for grain state (embedded mode)." };
        var siloPort = new Option<int>("--silo-port") { DefaultValueFactory = _ => 11111, Description = "Silo-to-silo port." };
        var gatewayPort = new Option<int>("--gateway-port") { DefaultValueFactory = _ => 30000, Description = "Client gateway port." };
        var primaryPort = new Option<int?>("--primary-port") { Description = "Silo port of the primary silo (localhost clustering); default: this silo." };
        var clusterId = new Option<string>("--cluster-id") { DefaultValueFactory = _ => "oeval", Description = "Cluster id." };
        var threads = CommonOptions.Threads();
        var verbose = CommonOptions.Verbose();
        var command = new Command("silo", "Run a silo with the given roles until stopped (Ctrl-C or SIGTERM).")
        {
            roles, models, state, siloPort, gatewayPort, primaryPort, clusterId, threads, verbose,
        };
        command.SetAction((parse, ct) => CliErrors.RunAsync(async () =>
        {
            var roleList = SiloRoles.Parse([parse.GetValue(roles)
                ?? Environment.GetEnvironmentVariable(Orleans.Hosting.EvaluatorSiloBuilderExtensions.RolesEnvironmentVariable)
                ?? string.Join(',', SiloRoles.All)]);
            var catalog = (parse.GetValue(models) ?? []).Select(spec => spec.Split('=', 2)).ToArray();
            if (catalog.Any(parts => parts.Length != 2 || parts[0].Length == 0))
                throw new ArgumentException("--model: use ID=FILE.");
            var port = parse.GetValue(siloPort);
            var builder = Host.CreateApplicationBuilder();
            builder.Logging.SetMinimumLevel(parse.GetValue(verbose) ? LogLevel.Information : LogLevel.Warning);
            builder.UseOrleans(silo =>
            {
                silo.Configure<ClusterOptions>(o => { o.ClusterId = parse.GetValue(clusterId)!; o.ServiceId = "oeval"; });
                silo.UseLocalhostClustering(port, parse.GetValue(gatewayPort), new IPEndPoint(IPAddress.Loopback, parse.GetValue(primaryPort) ?? port));
                silo.UseEvaluatorRoles(roleList);
                if (parse.GetValue(state) is { } folder)
                    silo.AddEvaluatorFileStorage(folder.FullName);
                else
                    silo.AddMemoryGrainStorage(OrleansEvaluator.Grains.Registry.ModelRegistryGrain.StorageName);
                if (roleList.Contains(SiloRoles.Worker))
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
            Console.WriteLine($"silo ready: roles {string.Join(",", roleList)}, silo port {port}, gateway port {parse.GetValue(gatewayPort)}");
            await host.WaitForShutdownAsync(ct);
            return 0;
        }));
        return command;
    }
}
