using System.CommandLine;
using System.Text.Json;
using OrleansEvaluator.Reporting;
using OrleansEvaluator.Runs;

namespace OrleansEvaluator.Cli.Commands;

/// <summary><c>oeval report</c>: (re)builds a run's report (JSON, markdown, charts) from its status.json.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var status = new Argument<FileInfo>("status") { Description = "A run's status.json (as oeval run writes it, or oeval status --json prints it)." };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Folder for the report (default: the status file's folder)." };
        var labelQuality = new Option<double?>("--label-quality") { Description = "Share of pairs whose chosen answer is truly better (0–1), when measured." };
        var command = new Command("report", "Write report.json, report.md, accuracy.png and loss.png for a run from its status.json.")
        {
            status, output, labelQuality,
        };
        command.SetAction((parse, ct) => CliErrors.RunAsync(async () =>
        {
            var file = parse.GetValue(status)!;
            if (!file.Exists)
                throw new FileNotFoundException($"report: no status file {file.FullName}");
            var quality = parse.GetValue(labelQuality);
            if (quality is < 0 or > 1)
                throw new ArgumentException("--label-quality: a share between 0 and 1.");
            RunStatus? run;
            try
            {
                run = JsonSerializer.Deserialize<RunStatus>(await File.ReadAllTextAsync(file.FullName, ct), CliJson.Options);
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"report: {file.FullName} is not a run status ({e.Message})", e);
            }
            if (run is null)
                throw new InvalidDataException($"report: {file.FullName} is not a run status.");
            var folder = parse.GetValue(output)?.FullName ?? file.DirectoryName!;
            var markdown = await WriteAsync(run, folder, new RunReportExtras { LabelQuality = quality }, ct);
            Console.WriteLine($"report: {markdown}");
            return 0;
        }));
        return command;
    }

    /// <summary>Writes the report of <paramref name="run"/> into <paramref name="folder"/>; returns the markdown's path.</summary>
    public static Task<string> WriteAsync(RunStatus run, string folder, RunReportExtras? extras, CancellationToken cancellationToken) =>
        RunReportWriter.WriteAsync(RunReportBuilder.Build(run, extras), folder, cancellationToken);
}
