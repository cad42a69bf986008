using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using OrleansEvaluator.Grains;

namespace OrleansEvaluator.Cli.Commands;

/// <summary>One process with every role: localhost clustering, grain state and artifacts under one folder.</summary>
internal static class EmbeddedSilo
{
    public static IHost Build(string folder, int siloPort, int gatewayPort, int threads, bool verbose)
    {
        Directory.CreateDirectory(folder);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(verbose ? LogLevel.Information : LogLevel.Warning);
        if (!verbose)
            builder.Logging.AddFilter("Orleans", LogLevel.Error); // start-up notes (GC mode, watchdog) are not the user's concern
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o => { o.ClusterId = "oeval-embedded"; o.ServiceId = "oeval"; });
            silo.UseLocalhostClustering(siloPort, gatewayPort, new IPEndPoint(IPAddress.Loopback, siloPort));
            silo.UseEvaluatorRoles(SiloRoles.All);
            silo.AddEvaluatorLocalStorage(folder);
            silo.AddEvaluatorPipeline(p => p.ModelCache = Path.Combine(folder, "models"));
            silo.AddInferenceWorker(_ => { }, e => e.Threads = threads);
            silo.AddTrainer(new OrleansEvaluator.Training.TrainerOptions { Threads = threads });
        });
        return builder.Build();
    }
}
