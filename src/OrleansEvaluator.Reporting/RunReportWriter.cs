using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansEvaluator.Reporting;

/// <summary>Writes a <see cref="RunReport"/> into a folder: report.json, report.md, accuracy.png, loss.png.</summary>
public static class RunReportWriter
{
    /// <summary>File name of the JSON model.</summary>
    public const string JsonFile = "report.json";

    /// <summary>File name of the markdown report.</summary>
    public const string MarkdownFile = "report.md";

    /// <summary>File name of the accuracy chart.</summary>
    public const string AccuracyChartFile = "accuracy.png";

    /// <summary>File name of the loss chart.</summary>
    public const string LossChartFile = "loss.png";

    /// <summary>The JSON shape of a report: camelCase, indented, enums as names, nulls written (a missing value is visible).</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>Writes the four files into <paramref name="folder"/> (created if needed); returns the markdown's path.</summary>
    public static async Task<string> WriteAsync(RunReport report, string folder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, JsonFile), JsonSerializer.Serialize(report, JsonOptions), cancellationToken);
        var markdown = Path.Combine(folder, MarkdownFile);
        await File.WriteAllTextAsync(markdown, RunReportMarkdown.Render(report), cancellationToken);
        RunReportCharts.WriteAccuracy(report, Path.Combine(folder, AccuracyChartFile));
        RunReportCharts.WriteLoss(report, Path.Combine(folder, LossChartFile));
        return markdown;
    }
}
