using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrleansEvaluator.Artifacts;
using OrleansEvaluator.Grains;
using OrleansEvaluator.Hosting.Pipeline;
using OrleansEvaluator.Runs;

namespace OrleansEvaluator.Cli.Commands;

/// <summary><c>oeval run</c>: a whole run in one process (every role, grain state and artifacts in a local folder).</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var config = new Argument<FileInfo?>("config") { Description = "Run config (JSON or YAML).", Arity = ArgumentArity.ZeroOrOne };
        var resume = new Option<string?>("--resume") { Description = "Continue the interrupted run with this id (no config needed)." };
        var name = new Option<string?>("--name") { Description = "Run id (default: the config's name)." };
        var state = new Option<DirectoryInfo>("--state") { Description = "Folder for grain state and artifacts.", DefaultValueFactory = _ => new DirectoryInfo(".oeval") };
        var siloPort = new Option<int>("--silo-port") { DefaultValueFactory = _ => 11111, Description = "Silo port (localhost)." };
        var gatewayPort = new Option<int>("--gateway-port") { DefaultValueFactory = _ => 30000, Description = "Gateway port (localhost), for oeval status." };
        var threads = CommonOptions.Threads();
        var verbose = CommonOptions.Verbose();
        var command = new Command("run", "Run the Self-Taught Evaluator loop in this process (embedded mode); an interrupted run continues with --resume.")
        {
            config, resume, name, state, siloPort, gatewayPort, threads, verbose,
        };
        command.SetAction((parse, ct) => CliErrors.RunAsync(async () =>
        {
            var configFile = parse.GetValue(config);
            var resumeId = parse.GetValue(resume);
            if (configFile is null == resumeId is null)
                throw new ArgumentException("run: give a config file, or --resume RUN (not both).");
            var folder = parse.GetValue(state)!.FullName;
            using var host = EmbeddedSilo.Build(folder, parse.GetValue(siloPort), parse.GetValue(gatewayPort), parse.GetValue(threads), parse.GetValue(verbose));
            await host.StartAsync(ct);
            try
            {
                var grains = host.Services.GetRequiredService<IGrainFactory>();
                var store = host.Services.GetRequiredService<IArtifactStore>();
                var status = resumeId is null
                    ? await RunSubmitter.SubmitAsync(grains, store, configFile!.FullName, parse.GetValue(name), ct)
                    : await grains.GetGrain<IRunCoordinatorGrain>(resumeId).ResumeAsync();
                Console.WriteLine($"run {status.RunId}: state in {folder}");
                var final = await FollowAndReportAsync(grains, store, status.RunId, folder, null, ct);
                if (final is null)
                    return 130;
                return final.Phase == RunPhase.Completed ? 0 : 1;
            }
            catch (KeyNotFoundException e)
            {
                throw new ArgumentException($"--resume: {e.Message} (state folder {folder})", e);
            }
            finally
            {
                await host.StopAsync(CancellationToken.None);
            }
        }));
        return command;
    }

    /// <summary>
    /// Shows a run until it ends (a live view on a terminal, plain lines otherwise), then prints the summary and writes
    /// status.json and the report under STATE/runs/RUN. Null when interrupted (the state stays for --resume).
    /// </summary>
    internal static async Task<RunStatus?> FollowAndReportAsync(IGrainFactory grains, IArtifactStore store, string runId, string folder,
        Func<RunStatus, Task<OrleansEvaluator.Reporting.RunReportExtras?>>? extras, CancellationToken ct)
    {
        RunStatus final;
        try
        {
            // A redrawing display only on a terminal; logs and pipes keep one plain line per change.
            final = RunLiveView.IsAvailable()
                ? await new RunLiveView(grains, store, runId).FollowAsync(ct)
                : await RunReporter.FollowAsync(grains.GetGrain<IRunCoordinatorGrain>(runId), Console.Out, ct);
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"interrupted; continue with: oeval run --resume {runId} --state {folder}");
            return null;
        }
        await RunReporter.WriteSummaryAsync(final, Console.Out);
        var statusFile = Path.Combine(folder, "runs", final.RunId, "status.json");
        Directory.CreateDirectory(Path.GetDirectoryName(statusFile)!);
        await File.WriteAllTextAsync(statusFile, JsonSerializer.Serialize(final, CliJson.Options), CancellationToken.None);
        var report = await ReportCommand.WriteAsync(final, Path.GetDirectoryName(statusFile)!, extras is null ? null : await extras(final), CancellationToken.None);
        Console.WriteLine($"report: {report}");
        return final;
    }
}
