using System.Globalization;
using System.Text;

namespace OrleansEvaluator.Reporting;

/// <summary>
/// Writes a <see cref="RunReport"/> as markdown: a header, a table of iterations, a table per benchmark. Every
/// number goes through <see cref="ReportFormat.Format"/>.
/// </summary>
public static class RunReportMarkdown
{
    /// <summary>The header of the iteration table's columns, in order.</summary>
    public static IReadOnlyList<string> IterationColumns { get; } =
    [
        "Iteration", "Judge", "Pairs", "Samples", "Correct", "Parse failures", "A/B skew", "Accepted", "Acceptance", "Exercises", "Replayed",
        "Judgments/s", "Train loss", "Train steps",
    ];

    /// <summary>The fixed columns of a benchmark table; the benchmark's subsets follow them.</summary>
    public static IReadOnlyList<string> BenchmarkColumns { get; } =
        ["Iteration", "Items", "Accuracy", "Consistent", "Flip rate", "Parse failures"];

    /// <summary>The report as markdown (LF line ends).</summary>
    public static string Render(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        md.Append(c, $"# Run `{report.RunId}`\n\n");
        md.Append(c, $"- Phase: {report.Phase.ToString().ToLowerInvariant()} (iteration {report.Iteration} of {report.Iterations})\n");
        md.Append(c, $"- Instructions: {Count(report.Instructions)} (malformed lines {Count(report.MalformedLines)}), selected {Count(report.Selected)}, pairs {Count(report.Pairs)}\n");
        var failures = report.PairFailures.Count == 0
            ? "none"
            : string.Join(", ", report.PairFailures.Select(f => $"{Escape(f.Key)} × {Count(f.Value)}"));
        md.Append(c, $"- Pair failures: {failures}\n");
        if (report.LabelQuality is not null)
            md.Append(c, $"- Label quality (pairs whose chosen answer is truly better): {ReportFormat.Format(report.LabelQuality, ReportNumberKind.Percent)}\n");
        if (report.SeedAccuracy is { Count: > 0 } seed)
            md.Append(c, $"- Seed model accuracy: {string.Join(", ", seed.Select(s => $"{Escape(s.Key)} {ReportFormat.Format(s.Value, ReportNumberKind.Percent)}"))}\n");
        if (report.Error is { } error)
            md.Append(c, $"- Error: {Escape(error)}\n");

        md.Append("\n## Iterations\n\n");
        md.Append("Iteration 0 is the first judge, scored before any training. Correct, parse failures and A/B skew ")
          .Append("count judgment samples; A/B skew is the share of A among samples with a verdict; acceptance is ")
          .Append("kept pairs ÷ pairs judged; replayed counts the seed's own rows trained beside them; judgments/s is samples ÷ judging seconds.\n\n");
        Header(md, IterationColumns, textColumns: 2);
        foreach (var r in report.PerIteration)
        {
            Row(md,
            [
                Count(r.Iteration), ReportFormat.ShortId(r.JudgeModel),
                ReportFormat.Format(r.Pairs, ReportNumberKind.Count),
                ReportFormat.Format(r.Samples, ReportNumberKind.Count),
                ReportFormat.Format(r.Correct, ReportNumberKind.Percent),
                ReportFormat.Format(r.ParseFailures, ReportNumberKind.Count),
                ReportFormat.Format(r.AbSkew, ReportNumberKind.Percent),
                ReportFormat.Format(r.Accepted, ReportNumberKind.Count),
                ReportFormat.Format(r.AcceptanceRate, ReportNumberKind.Percent),
                ReportFormat.Format(r.Exercises, ReportNumberKind.Count),
                ReportFormat.Format(r.Replayed, ReportNumberKind.Count),
                ReportFormat.Format(r.JudgmentsPerSecond, ReportNumberKind.Rate),
                ReportFormat.Format(r.TrainLoss, ReportNumberKind.Loss),
                ReportFormat.Format(r.TrainSteps, ReportNumberKind.Count),
            ]);
        }

        foreach (var table in report.Benchmarks)
        {
            md.Append(c, $"\n## Benchmark {Escape(table.Benchmark)}\n\n");
            Header(md, [.. BenchmarkColumns, .. table.Subsets.Select(Escape)], textColumns: 1);
            foreach (var r in table.Rows)
            {
                Row(md,
                [
                    Count(r.Iteration),
                    ReportFormat.Format(r.Items, ReportNumberKind.Count),
                    ReportFormat.Format(r.Accuracy, ReportNumberKind.Percent),
                    ReportFormat.Format(r.ConsistentAccuracy, ReportNumberKind.Percent),
                    ReportFormat.Format(r.FlipRate, ReportNumberKind.Percent),
                    ReportFormat.Format(r.ParseFailures, ReportNumberKind.Count),
                    .. table.Subsets.Select(s => ReportFormat.Format(r.Subsets.GetValueOrDefault(s), ReportNumberKind.Percent)),
                ]);
            }
        }
        return md.ToString();
    }

    private static string Count(int value) => ReportFormat.Format(value, ReportNumberKind.Count);

    // Labels left, numbers right-aligned so their digits line up.
    private static void Header(StringBuilder md, IReadOnlyList<string> columns, int textColumns)
    {
        Row(md, columns);
        md.Append('|').Append(string.Concat(columns.Select((_, i) => i < textColumns ? " --- |" : " ---: |"))).Append('\n');
    }

    private static void Row(StringBuilder md, IReadOnlyList<string> cells) =>
        md.Append("| ").Append(string.Join(" | ", cells)).Append(" |\n");

    // Names come from input files: a '|' would split a table cell, a newline would end the table.
    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
