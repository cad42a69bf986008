using System.Diagnostics;
using System.Globalization;
using OrleansEvaluator.Artifacts;
using OrleansEvaluator.Data;
using OrleansEvaluator.Grains;
using OrleansEvaluator.Grains.Pipeline;
using OrleansEvaluator.Reporting;
using OrleansEvaluator.Runs;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace OrleansEvaluator.Cli.Commands;

/// <summary>
/// Follows a run on a terminal (Spectre.Console live display): stage and iteration, a bar per shard, elapsed time,
/// the stage's rate and time left, and the last iteration's acceptance rate. <see cref="RunReporter"/> is the plain
/// version for redirected output.
/// </summary>
internal sealed class RunLiveView(IGrainFactory grains, IArtifactStore store, string runId)
{
    // The grains are polled, not pushed: twice a second is live enough and costs the coordinator little.
    private static readonly TimeSpan s_poll = TimeSpan.FromMilliseconds(500);
    private const int MaxShardRows = 16;
    private const int BarWidth = 40;

    private readonly StageRate _rate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Dictionary<string, int> _pairCounts = new(StringComparer.Ordinal);

    /// <summary>True when standard output is a terminal that can redraw (not redirected, not a CI log).</summary>
    public static bool IsAvailable() => !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    /// <summary>Shows the run until it finishes; returns its last status.</summary>
    public async Task<RunStatus> FollowAsync(CancellationToken cancellationToken)
    {
        var coordinator = grains.GetGrain<IRunCoordinatorGrain>(runId);
        RunStatus status = await coordinator.StatusAsync();
        await AnsiConsole.Live(Text.Empty).AutoClear(false).Overflow(VerticalOverflow.Ellipsis).StartAsync(async live =>
        {
            while (true)
            {
                status = await coordinator.StatusAsync();
                live.UpdateTarget(await RenderAsync(status));
                live.Refresh();
                if (status.IsFinished)
                    return;
                await Task.Delay(s_poll, cancellationToken);
            }
        });
        return status;
    }

    private async Task<IRenderable> RenderAsync(RunStatus status)
    {
        var c = CultureInfo.InvariantCulture;
        var lines = new List<IRenderable>
        {
            new Markup(string.Create(c, $"[bold]run {Markup.Escape(status.RunId)}[/]  {Markup.Escape(RunReporter.Describe(status))}")),
        };
        var shards = await ShardsAsync(status);
        if (shards is not null)
        {
            var done = shards.Sum(s => Math.Min(s.Done, s.Total ?? int.MaxValue));
            var total = shards.All(s => s.Total is not null) ? shards.Sum(s => s.Total!.Value) : (int?)null;
            _rate.Observe($"{status.Phase}/{status.Iteration}", _clock.Elapsed, done, total ?? done);
            var table = new Table().Border(TableBorder.None).HideHeaders()
                .AddColumn("shard").AddColumn("bar").AddColumn(new TableColumn("items").RightAligned());
            foreach (var s in shards.Take(MaxShardRows))
                table.AddRow(new Markup(string.Create(c, $"shard {s.Index}")), Bar(s.Done, s.Total), new Markup(Items(s.Done, s.Total)));
            if (shards.Count > MaxShardRows)
                table.AddRow(new Markup(string.Create(c, $"[grey]… {shards.Count - MaxShardRows} more[/]")), Text.Empty, Text.Empty);
            table.AddRow(new Markup("[bold]all[/]"), Bar(done, total), new Markup(Items(done, total)));
            lines.Add(table);
        }
        var eta = _rate.Remaining is { } left && shards is not null ? Duration(left) : ReportFormat.Missing;
        var speed = shards is not null ? ReportFormat.Format(_rate.ItemsPerSecond, ReportNumberKind.Rate) + " items/s" : ReportFormat.Missing;
        var last = status.Reports.Where(r => r.Iteration > 0 && r.Pairs > 0).MaxBy(r => r.Iteration);
        var acceptance = last is null
            ? ReportFormat.Missing
            : string.Create(c, $"{ReportFormat.Format(last.AcceptanceRate, ReportNumberKind.Percent)} (iteration {last.Iteration})");
        var retries = status.Retries > 0 ? string.Create(c, $"  ·  retries {status.Retries}") : "";
        lines.Add(new Markup(string.Create(c,
            $"elapsed {Duration(_clock.Elapsed)}  ·  stage ETA {eta}  ·  {speed}  ·  acceptance {Markup.Escape(acceptance)}{retries}")));
        foreach (var report in status.Reports.Where(r => r.Scores.Count > 0))
            lines.Add(new Markup(Markup.Escape(string.Create(c, $"iteration {report.Iteration}: {RunReporter.Scores(report)}"))));
        return new Rows(lines);
    }

    /// <summary>Per shard of the stage in progress: items done and, when known, items in all; null outside shard stages.</summary>
    private async Task<IReadOnlyList<ShardProgress>?> ShardsAsync(RunStatus status)
    {
        if (status.Phase is not (RunPhase.Synthesize or RunPhase.Judge) || status.Shards <= 0)
            return null;
        var totals = await TotalsAsync(status);
        var done = await Task.WhenAll(Enumerable.Range(0, status.Shards)
            .Select(i => grains.GetGrain<IShardGrain>($"{status.RunId}/{i}").ProgressAsync()));
        // Every shard finished: its count may come from a reactivated grain (0), so trust the coordinator instead.
        var allDone = status.ShardsDone == status.Shards;
        return [.. done.Select((d, i) => new ShardProgress(i, allDone && totals?[i] is { } t ? t : d, totals?[i]))];
    }

    private async Task<int?[]?> TotalsAsync(RunStatus status)
    {
        if (status.Phase == RunPhase.Synthesize)
        {
            // Selection deals instructions to shards round-robin (InstructionSelection.Shard), so the sizes follow.
            return [.. Enumerable.Range(0, status.Shards)
                .Select(i => (int?)(status.Selected / status.Shards + (i < status.Selected % status.Shards ? 1 : 0)))];
        }
        if (status.PairArtifacts.Count != status.Shards)
            return null;
        // A shard judges the pairs it built; the status has only their artifacts, read once per artifact.
        var totals = new int?[status.Shards];
        for (var i = 0; i < status.Shards; i++)
        {
            var id = status.PairArtifacts[i];
            if (!_pairCounts.TryGetValue(id, out var count))
                _pairCounts[id] = count = (await store.GetAsync<PreferencePair>(id)).Count;
            totals[i] = count;
        }
        return totals;
    }

    private static Markup Bar(int done, int? total)
    {
        if (total is not { } t || t <= 0)
            return new Markup("[grey]" + new string('─', BarWidth) + "[/]");
        var filled = (int)Math.Round(BarWidth * Math.Clamp((double)done / t, 0, 1));
        return new Markup($"[green]{new string('━', filled)}[/][grey]{new string('─', BarWidth - filled)}[/]");
    }

    private static string Items(int done, int? total) => total is { } t
        ? string.Create(CultureInfo.InvariantCulture, $"{Math.Min(done, t)}/{t} ({ReportFormat.Format(t > 0 ? (double)Math.Min(done, t) / t : null, ReportNumberKind.Percent)})")
        : done.ToString(CultureInfo.InvariantCulture);

    private static string Duration(TimeSpan span) => span.TotalHours >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}:{span:mm\\:ss}")
        : span.ToString("mm\\:ss", CultureInfo.InvariantCulture);
}
