using System.Buffers.Binary;
using System.Text.Json;
using OrleansEvaluator.Runs;

namespace OrleansEvaluator.Reporting.Tests;

public sealed class RunReportWriterTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "oeval-report-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    private async Task<(string Markdown, JsonElement Json)> WriteSampleAsync(RunReportExtras? extras = null)
    {
        var report = RunReportBuilder.Build(SampleRuns.ThreeIterations(), extras);
        await RunReportWriter.WriteAsync(report, _folder, TestContext.Current.CancellationToken);
        var markdown = await File.ReadAllTextAsync(Path.Combine(_folder, RunReportWriter.MarkdownFile), TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_folder, RunReportWriter.JsonFile), TestContext.Current.CancellationToken));
        return (markdown, json.RootElement.Clone());
    }

    [Fact]
    public async Task Writes_json_markdown_and_two_png_charts_of_the_chosen_size()
    {
        await WriteSampleAsync();
        foreach (var file in new[] { RunReportWriter.JsonFile, RunReportWriter.MarkdownFile })
            Assert.True(new FileInfo(Path.Combine(_folder, file)).Length > 0, file);
        foreach (var chart in new[] { RunReportWriter.AccuracyChartFile, RunReportWriter.LossChartFile })
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(_folder, chart), TestContext.Current.CancellationToken);
            // PNG: 8-byte signature, then the IHDR chunk (length 13, type, width, height as big-endian ints).
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
            Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
            Assert.Equal(RunReportCharts.Width, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
            Assert.Equal(RunReportCharts.Height, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
            Assert.Equal(800, RunReportCharts.Width);
            Assert.Equal(500, RunReportCharts.Height);
            // A blank canvas compresses to almost nothing; lines, labels and a legend do not.
            Assert.True(bytes.Length > 10_000, $"{chart}: {bytes.Length} bytes");
        }
    }

    [Fact]
    public async Task Every_number_of_the_iteration_table_is_the_json_value_formatted()
    {
        var (markdown, json) = await WriteSampleAsync();
        var (header, rows) = MarkdownTables.Parse(markdown)["Iterations"];
        Assert.Equal(RunReportMarkdown.IterationColumns, header);
        var columns = new (string Header, string Property, ReportNumberKind Kind)[]
        {
            ("Iteration", "iteration", ReportNumberKind.Count),
            ("Pairs", "pairs", ReportNumberKind.Count),
            ("Samples", "samples", ReportNumberKind.Count),
            ("Correct", "correct", ReportNumberKind.Percent),
            ("Parse failures", "parseFailures", ReportNumberKind.Count),
            ("A/B skew", "abSkew", ReportNumberKind.Percent),
            ("Accepted", "accepted", ReportNumberKind.Count),
            ("Acceptance", "acceptanceRate", ReportNumberKind.Percent),
            ("Exercises", "exercises", ReportNumberKind.Count),
            ("Replayed", "replayed", ReportNumberKind.Count),
            ("Judgments/s", "judgmentsPerSecond", ReportNumberKind.Rate),
            ("Train loss", "trainLoss", ReportNumberKind.Loss),
            ("Train steps", "trainSteps", ReportNumberKind.Count),
        };
        var perIteration = json.GetProperty("perIteration").EnumerateArray().ToArray();
        Assert.Equal(4, rows.Count);
        Assert.Equal(perIteration.Length, rows.Count);
        var compared = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(ReportFormat.ShortId(perIteration[i].GetProperty("judgeModel").GetString()), rows[i][Array.IndexOf(header, "Judge")]);
            foreach (var (name, property, kind) in columns)
            {
                Assert.Equal(ReportFormat.Format(Number(perIteration[i].GetProperty(property)), kind), rows[i][Array.IndexOf(header, name)]);
                compared++;
            }
        }
        Assert.Equal(52, compared);
    }

    [Fact]
    public async Task Every_number_of_the_benchmark_tables_is_the_json_value_formatted()
    {
        var (markdown, json) = await WriteSampleAsync();
        var tables = MarkdownTables.Parse(markdown);
        var benchmarks = json.GetProperty("benchmarks").EnumerateArray().ToArray();
        Assert.Equal(["mt-bench", "rewardbench"], benchmarks.Select(b => b.GetProperty("benchmark").GetString()));
        var fixedColumns = new (string Header, string Property, ReportNumberKind Kind)[]
        {
            ("Iteration", "iteration", ReportNumberKind.Count),
            ("Items", "items", ReportNumberKind.Count),
            ("Accuracy", "accuracy", ReportNumberKind.Percent),
            ("Consistent", "consistentAccuracy", ReportNumberKind.Percent),
            ("Flip rate", "flipRate", ReportNumberKind.Percent),
            ("Parse failures", "parseFailures", ReportNumberKind.Count),
        };
        foreach (var benchmark in benchmarks)
        {
            var name = benchmark.GetProperty("benchmark").GetString()!;
            var (header, rows) = tables[$"Benchmark {name}"];
            var subsets = benchmark.GetProperty("subsets").EnumerateArray().Select(s => s.GetString()!).ToArray();
            Assert.Equal([.. RunReportMarkdown.BenchmarkColumns, .. subsets], header);
            var jsonRows = benchmark.GetProperty("rows").EnumerateArray().ToArray();
            Assert.Equal(jsonRows.Length, rows.Count);
            for (var i = 0; i < rows.Count; i++)
            {
                foreach (var (column, property, kind) in fixedColumns)
                    Assert.Equal(ReportFormat.Format(Number(jsonRows[i].GetProperty(property)), kind), rows[i][Array.IndexOf(header, column)]);
                foreach (var subset in subsets)
                {
                    Assert.Equal(ReportFormat.Format(Number(jsonRows[i].GetProperty("subsets").GetProperty(subset)), ReportNumberKind.Percent),
                        rows[i][Array.IndexOf(header, subset)]);
                }
            }
        }
        Assert.Equal(["chat", "chat-hard"], tables["Benchmark rewardbench"].Header[^2..]);
        Assert.Equal(RunReportMarkdown.BenchmarkColumns, tables["Benchmark mt-bench"].Header);
    }

    [Fact]
    public async Task Missing_values_are_a_dash_in_markdown_and_null_in_json()
    {
        var (markdown, json) = await WriteSampleAsync();
        var tables = MarkdownTables.Parse(markdown);
        var (header, rows) = tables["Iterations"];
        var first = json.GetProperty("perIteration")[0];
        // Iteration 0 trains nothing and judges nothing.
        foreach (var property in new[] { "trainLoss", "trainSteps", "pairs", "samples", "correct", "abSkew", "acceptanceRate", "judgmentsPerSecond" })
            Assert.Equal(JsonValueKind.Null, first.GetProperty(property).ValueKind);
        foreach (var column in new[] { "Train loss", "Train steps", "Pairs", "Samples", "Correct", "A/B skew", "Acceptance", "Judgments/s" })
            Assert.Equal("–", rows[0][Array.IndexOf(header, column)]);

        // MT-Bench was not scored in iteration 2; it has no consistency numbers (one order) anywhere.
        var mt = json.GetProperty("benchmarks")[0];
        Assert.Equal(JsonValueKind.Null, mt.GetProperty("rows")[2].GetProperty("accuracy").ValueKind);
        Assert.Equal(JsonValueKind.Null, mt.GetProperty("rows")[1].GetProperty("consistentAccuracy").ValueKind);
        var (mtHeader, mtRows) = tables["Benchmark mt-bench"];
        Assert.Equal("–", mtRows[2][Array.IndexOf(mtHeader, "Accuracy")]);
        Assert.Equal("–", mtRows[1][Array.IndexOf(mtHeader, "Consistent")]);

        // A subset missing in one iteration.
        var reward = json.GetProperty("benchmarks")[1];
        Assert.Equal(JsonValueKind.Null, reward.GetProperty("rows")[2].GetProperty("subsets").GetProperty("chat-hard").ValueKind);
        var (rbHeader, rbRows) = tables["Benchmark rewardbench"];
        Assert.Equal("–", rbRows[2][Array.IndexOf(rbHeader, "chat-hard")]);

        // Label quality was not measured: null, and no line for it.
        Assert.Equal(JsonValueKind.Null, json.GetProperty("labelQuality").ValueKind);
        Assert.DoesNotContain("Label quality", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_header_names_the_run_its_counts_failures_and_the_extras_when_known()
    {
        var extras = new RunReportExtras
        {
            LabelQuality = 0.8675,
            SeedAccuracy = new Dictionary<string, double?> { ["rewardbench"] = 0.57, ["mt-bench"] = null },
        };
        var (markdown, json) = await WriteSampleAsync(extras);
        Assert.Contains("# Run `sample`", markdown, StringComparison.Ordinal);
        Assert.Contains("- Phase: completed (iteration 3 of 3)", markdown, StringComparison.Ordinal);
        Assert.Contains("- Instructions: 1200 (malformed lines 3), selected 1000, pairs 968", markdown, StringComparison.Ordinal);
        Assert.Contains("- Pair failures: empty-answer × 12, no-modified-instruction × 20", markdown, StringComparison.Ordinal);
        Assert.Contains($"truly better): {ReportFormat.Format(json.GetProperty("labelQuality").GetDouble(), ReportNumberKind.Percent)}", markdown, StringComparison.Ordinal);
        Assert.Contains("- Seed model accuracy: mt-bench –, rewardbench 57.0%", markdown, StringComparison.Ordinal);
        Assert.Equal("completed", json.GetProperty("phase").GetString());
        Assert.Equal(20, json.GetProperty("pairFailures").GetProperty("no-modified-instruction").GetInt32());
    }

    [Fact]
    public void Derived_numbers_are_computed_from_the_status()
    {
        var report = RunReportBuilder.Build(SampleRuns.ThreeIterations());
        var first = report.PerIteration[1];
        Assert.Equal(5030 / 7744.0, first.Correct);
        Assert.Equal(3900 / 7700.0, first.AbSkew);
        Assert.Equal(7744 / 312.5, first.JudgmentsPerSecond);
        Assert.Equal(701 / 968.0, first.AcceptanceRate);
        Assert.Equal(0.8123, first.TrainLoss);
        Assert.Equal(88, first.TrainSteps);
        Assert.Equal("0123456789ab", ReportFormat.ShortId(report.PerIteration[0].JudgeModel));
        Assert.Equal([0, 1, 2, 3], report.Benchmarks[1].Rows.Select(r => r.Iteration));
    }

    [Fact]
    public async Task A_run_stopped_before_any_iteration_still_gets_a_report()
    {
        var status = new RunStatus { RunId = "early", Phase = RunPhase.Failed, Error = "synthesis: no pair | none", Iterations = 2 };
        var markdown = await RunReportWriter.WriteAsync(RunReportBuilder.Build(status), _folder, TestContext.Current.CancellationToken);
        var text = await File.ReadAllTextAsync(markdown, TestContext.Current.CancellationToken);
        Assert.Contains("- Error: synthesis: no pair \\| none", text, StringComparison.Ordinal);
        Assert.Empty(MarkdownTables.Parse(text)["Iterations"].Rows);
        Assert.True(File.Exists(Path.Combine(_folder, RunReportWriter.LossChartFile)));
    }

    private static double? Number(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetDouble();
}
