using System.CommandLine;
using OrleansEvaluator.Grains;
using OrleansEvaluator.Hosting.Pipeline;

namespace OrleansEvaluator.Cli.Commands;

/// <summary><c>oeval submit</c>: validate a run config, upload its inputs, start the run on a running cluster.</summary>
internal static class SubmitCommand
{
    public static Command Create()
    {
        var config = new Argument<FileInfo>("config") { Description = "Run config (JSON or YAML)." };
        var name = new Option<string?>("--name") { Description = "Run id (default: the config's name)." };
        var follow = new Option<bool>("--follow") { Description = "Print progress until the run finishes." };
        var connection = new ClusterConnection();
        var command = new Command("submit", "Start a run on a running cluster; its config is checked (errors name the field) and its input files uploaded first.")
        {
            config, name, follow,
        };
        connection.AddTo(command);
        command.SetAction((parse, ct) => CliErrors.RunAsync(async () =>
        {
            var store = connection.Store(parse);
            var submission = await RunSubmitter.PrepareAsync(parse.GetValue(config)!.FullName, store, parse.GetValue(name), ct);
            using var host = await connection.ConnectAsync(parse, ct);
            var run = ClusterConnection.Client(host).GetGrain<IRunCoordinatorGrain>(submission.RunId);
            var status = await run.SubmitAsync(submission);
            Console.WriteLine($"submitted {status.RunId}: {RunReporter.Describe(status)}");
            if (!parse.GetValue(follow))
                return 0;
            var final = await RunReporter.FollowAsync(run, Console.Out, ct);
            await RunReporter.WriteSummaryAsync(final, Console.Out);
            return final.Phase == Runs.RunPhase.Completed ? 0 : 1;
        }));
        return command;
    }
}
