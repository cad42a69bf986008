using OrleansEvaluator.Core.Formats;
using OrleansEvaluator.Core.TinyWorld;
using OrleansEvaluator.Training.TinyWorld;

namespace OrleansEvaluator.Cli.Commands;

/// <summary>TinyWorld as files: what `oeval demo` feeds the run, and what `oeval data tinyworld` exports.</summary>
internal static class TinyWorldFiles
{
    public const string Instructions = "instructions.jsonl";
    public const string BenchmarkName = "tinyworld-heldout";
    public const string SeedRows = "seed-sft.jsonl";
    public const string JudgmentRows = "judgments-sft.jsonl";
    public const string LookupRows = "lookups-sft.jsonl";
    public const string NearNumberRows = "near-numbers-sft.jsonl";

    /// <summary>
    /// Writes the pool and the benchmark; with <paramref name="seedRows"/> or <paramref name="judgments"/> also the seed's
    /// own training rows (what a run replays against forgetting), and with <paramref name="judgments"/> that many
    /// ground-truth judgments, <paramref name="lookups"/> stated-answer exercises and <paramref name="nearNumbers"/>
    /// close-number exercises (none: no file); returns (file, records).
    /// </summary>
    public static IReadOnlyList<(string File, int Records)> Write(TinyWorldGenerator world, string folder, int? judgments = null, bool reasoning = true,
        int lookups = 0, int nearNumbers = 0, bool seedRows = false)
    {
        Directory.CreateDirectory(folder);
        var written = new List<(string, int)>();
        var pool = world.InstructionPool();
        JsonlFile.Write(Path.Combine(folder, Instructions), pool.Select(i => new { id = i.Id, instruction = i.Text, category = i.Category }));
        written.Add((Instructions, pool.Count));
        var benchmark = world.Benchmark();
        JsonlFile.Write(Path.Combine(folder, BenchmarkName + ".jsonl"),
            benchmark.Select(b => new { id = b.Id, subset = b.Subset, prompt = b.Prompt, chosen = b.Chosen, rejected = b.Rejected }));
        written.Add((BenchmarkName + ".jsonl", benchmark.Count));
        if (seedRows || judgments is not null)
        {
            var rows = TinyWorldSeed.Examples(world);
            JsonlFile.Write(Path.Combine(folder, SeedRows), rows);
            written.Add((SeedRows, rows.Count));
        }
        if (judgments is not { } count)
            return written;
        // Loss on the judgment only, as the loop trains its judge.
        WriteRows(folder, JudgmentRows, world.JudgmentExamples(TinyWorldTemplates.Judge, count, reasoning), written);
        if (lookups > 0)
            WriteRows(folder, LookupRows, world.LookupExamples(TinyWorldTemplates.Judge, lookups), written);
        if (nearNumbers > 0)
            WriteRows(folder, NearNumberRows, world.NearNumberExamples(TinyWorldTemplates.Judge, nearNumbers), written);
        return written;
    }

    private static void WriteRows(string folder, string name, IEnumerable<TinyWorldExample> examples, List<(string, int)> written)
    {
        var rows = examples.Select(e => TinyWorldSeed.Row(e, answerOnlyLoss: true)).ToArray();
        JsonlFile.Write(Path.Combine(folder, name), rows);
        written.Add((name, rows.Length));
    }
}
