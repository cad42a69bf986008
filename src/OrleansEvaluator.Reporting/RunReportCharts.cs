using System.Globalization;
using ScottPlot;

namespace OrleansEvaluator.Reporting;

/// <summary>The charts of a <see cref="RunReport"/> (ScottPlot): accuracy per benchmark and train loss, by iteration.</summary>
public static class RunReportCharts
{
    /// <summary>Chart width in pixels.</summary>
    public const int Width = 800;

    /// <summary>Chart height in pixels.</summary>
    public const int Height = 500;

    /// <summary>Writes accuracy per benchmark by iteration (in percent; iteration 0 is the first judge) as a PNG.</summary>
    public static void WriteAccuracy(RunReport report, string path)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var plot = new Plot();
        var last = report.PerIteration.Count == 0 ? 0 : report.PerIteration.Max(r => r.Iteration);
        var any = false;
        var lows = new List<double>();
        var highs = new List<double>();
        foreach (var (table, index) in report.Benchmarks.Select((t, i) => (t, i)))
        {
            // Unscored iterations are left out rather than drawn as 0: the line joins the scored ones.
            var points = table.Rows.Where(r => r.Accuracy is not null).ToArray();
            var color = plot.Add.Palette.GetColor(index);
            if (points.Length > 0)
            {
                var line = plot.Add.Scatter(
                    points.Select(p => (double)p.Iteration).ToArray(),
                    points.Select(p => p.Accuracy!.Value * 100).ToArray(),
                    color);
                line.LegendText = table.Benchmark;
                line.LineWidth = 2;
                line.MarkerSize = 8;
                lows.Add(points.Min(p => p.Accuracy!.Value * 100));
                highs.Add(points.Max(p => p.Accuracy!.Value * 100));
                any = true;
            }
            if (report.SeedAccuracy is { } seed && seed.GetValueOrDefault(table.Benchmark) is { } seedAccuracy)
            {
                var reference = plot.Add.HorizontalLine(seedAccuracy * 100, 1.5f, color, LinePattern.Dashed);
                reference.LegendText = $"{table.Benchmark} (seed)";
                lows.Add(seedAccuracy * 100);
                highs.Add(seedAccuracy * 100);
            }
        }
        Frame(plot, $"Run {report.RunId}: accuracy by iteration", "Accuracy (%)", last);
        if (any)
        {
            // A few points of difference matter here, so zoom to the data (within 0–100) rather than show 0–100.
            var low = Math.Max(0, Math.Floor(lows.Min() / 5) * 5 - 5);
            var high = Math.Min(100, Math.Ceiling(highs.Max() / 5) * 5 + 5);
            plot.Axes.SetLimitsY(low, high);
            // Beside the data, not on it: lines and seed references can be anywhere in the frame.
            plot.ShowLegend(Edge.Right);
        }
        else
        {
            plot.Axes.SetLimitsY(0, 100);
            plot.Add.Annotation("no benchmark scored yet", Alignment.MiddleCenter);
        }
        plot.SavePng(path, Width, Height);
    }

    /// <summary>Writes the train loss by iteration as a PNG (iteration 0 trains nothing and has no point).</summary>
    public static void WriteLoss(RunReport report, string path)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var plot = new Plot();
        var last = report.PerIteration.Count == 0 ? 0 : report.PerIteration.Max(r => r.Iteration);
        var points = report.PerIteration.Where(r => r.TrainLoss is not null).ToArray();
        Frame(plot, $"Run {report.RunId}: train loss by iteration", "Train loss (last step)", last);
        if (points.Length > 0)
        {
            var line = plot.Add.Scatter(
                points.Select(p => (double)p.Iteration).ToArray(),
                points.Select(p => p.TrainLoss!.Value).ToArray());
            line.LegendText = "train loss";
            line.LineWidth = 2;
            line.MarkerSize = 8;
            var low = points.Min(p => p.TrainLoss!.Value);
            var high = points.Max(p => p.TrainLoss!.Value);
            var pad = Math.Max((high - low) * 0.15, Math.Max(Math.Abs(high) * 0.05, 1e-3));
            plot.Axes.SetLimitsY(Math.Max(0, low - pad), high + pad);
            plot.ShowLegend(Alignment.UpperRight);
        }
        else
        {
            plot.Add.Annotation("no training step yet", Alignment.MiddleCenter);
        }
        plot.SavePng(path, Width, Height);
    }

    private static void Frame(Plot plot, string title, string yLabel, int last)
    {
        plot.Title(title);
        plot.XLabel("Iteration (0 = first judge)");
        plot.YLabel(yLabel);
        // Iterations are whole numbers: one tick each instead of ScottPlot's 0.5 steps.
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var i = 0; i <= last; i++)
            ticks.AddMajor(i, i.ToString(CultureInfo.InvariantCulture));
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.SetLimitsX(-0.25, last + 0.25);
    }
}
