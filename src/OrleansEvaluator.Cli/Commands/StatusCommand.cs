using System.CommandLine;
using System.Text.Json;
using OrleansEvaluator.Grains;

namespace OrleansEvaluator.Cli.Commands;

/// <summary><c>oeval status</c>: a run's phase, counts and per-iteration scores; without a run id, every run.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var run = new Argument<string?>("run") { Description = "Run id; omit to list runs.", Arity = ArgumentArity.ZeroOrOne };
        var follow = new Option<bool>("--follow") { Description = "Print progress until the run finishes." };
        var json = new Option<bool>("--json") { Description = "Print the status as JSON." };
        var connection = new ClusterConnection();
        var command = new Command("status", "Show a run (or list runs) on a running cluster.") { run, follow, json };
        connection.AddTo(command);
        command.SetAction((parse, ct) => CliErrors.RunAsync(async () =>
        {
            using var host = await connection.ConnectAsync(parse, ct);
            var client = ClusterClientOf(host);
            if (parse.GetValue(run) is not { } id)
            {
                foreach (var each in await client.GetGrain<IRunIndexGrain>(IRunIndexGrain.Key).ListAsync())
                    Console.WriteLine($"{each}: {RunReporter.Describe(await client.GetGrain<IRunCoordinatorGrain>(each).StatusAsync())}");
                return 0;
            }
            var grain = client.GetGrain<IRunCoordinatorGrain>(id);
            Runs.RunStatus status;
            try
            {
                status = parse.GetValue(follow) ? await RunReporter.FollowAsync(grain, Console.Out, ct) : await grain.StatusAsync();
            }
            catch (KeyNotFoundException e)
            {
                throw new ArgumentException(e.Message, e);
            }
            if (parse.GetValue(json))
                Console.WriteLine(JsonSerializer.Serialize(status, CliJson.Options));
            else
                await RunReporter.WriteSummaryAsync(status, Console.Out);
            return status.Phase == Runs.RunPhase.Failed ? 1 : 0;
        }));
        return command;
    }

    private static IClusterClient ClusterClientOf(Microsoft.Extensions.Hosting.IHost host) => ClusterConnection.Client(host);
}
