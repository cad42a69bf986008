using System.CommandLine;
using System.Globalization;
using OrleansEvaluator.Core.Import;
using OrleansEvaluator.Core.TinyWorld;

namespace OrleansEvaluator.Cli.Commands;

/// <summary><c>oeval data …</c>: input files.</summary>
internal static class DataCommand
{
    public static Command Create()
    {
        var data = new Command("data", "Inspect input files, or write TinyWorld's.");
        data.Subcommands.Add(Check());
        data.Subcommands.Add(TinyWorld());
        return data;
    }

    private static Command TinyWorld()
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write the files into (created).", Required = true };
        var judgments = new Option<int>("--judgments") { Description = "Ground-truth judgment rows to write (0: none).", DefaultValueFactory = _ => 20_000 };
        var lookups = new Option<int>("--lookups")
        {
            Description = "Stated-answer exercises to write (lookups-sft.jsonl): the judge prompt, one response stated at random, its label. Train on them beside the judgments.",
            DefaultValueFactory = _ => 0,
        };
        var nearNumbers = new Option<int>("--near-numbers")
        {
            Description = "Close-number exercises to write (near-numbers-sft.jsonl): stated-answer exercises whose two responses are numbers 1 to 3 apart. Train on them beside the judgments and lookups.",
            DefaultValueFactory = _ => 0,
        };
        var verdictOnly = new Option<bool>("--verdict-only") { Description = "Judgments are the verdict alone ([[A]]) instead of the right answer, then the verdict (answer: 8 [[A]])." };
        var world = new TinyWorldOptionSet();
        var command = new Command("tinyworld",
            "Write TinyWorld's files: the instruction pool, the held-out benchmark, the seed's training rows and ground-truth judgment rows (SFT JSONL, for `oeval train`).")
        {
            output, judgments, lookups, nearNumbers, verdictOnly,
        };
        world.AddTo(command);
        command.SetAction((parse, ct) => CliErrors.RunAsync(() =>
        {
            var count = parse.GetValue(judgments);
            if (count < 0)
                throw new ArgumentException($"--judgments: must not be negative (got {count}).");
            if (parse.GetValue(lookups) is < 0 and var negative)
                throw new ArgumentException($"--lookups: must not be negative (got {negative}).");
            if (parse.GetValue(nearNumbers) is < 0 and var negativeNear)
                throw new ArgumentException($"--near-numbers: must not be negative (got {negativeNear}).");
            var folder = parse.GetValue(output)!.FullName;
            var written = TinyWorldFiles.Write(new TinyWorldGenerator(world.Read(parse)), folder, count, reasoning: !parse.GetValue(verdictOnly),
                parse.GetValue(lookups), parse.GetValue(nearNumbers));
            foreach (var (name, rows) in written)
                parse.InvocationConfiguration.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Path.Combine(folder, name)}: {rows} records"));
            return Task.FromResult(0);
        }, parse.InvocationConfiguration.Error));
        return command;
    }

    private static Command Check()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files, or folders searched for *.jsonl and *.json.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("check", "Validate instruction and benchmark files (format auto-detected): per-file counts and every malformed line.") { paths };
        command.SetAction((parse, ct) => CliErrors.RunAsync(() =>
        {
            var files = Expand(parse.GetValue(paths)!);
            var records = 0;
            var malformed = 0;
            foreach (var file in files)
            {
                var report = DataFileChecker.Check(file);
                records += report.Records;
                malformed += report.Issues.Count;
                var details = report.Details.Count == 0 ? "" : " (" + string.Join(", ", report.Details.Select(d => $"{d.Key} {d.Value}")) + ")";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{file}: {Name(report.Kind)}, {report.Records} records{details}, {report.Issues.Count} malformed"));
                foreach (var issue in report.Issues)
                    Console.WriteLine("  " + issue);
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"data-check: files {files.Count}, records {records}, malformed {malformed}"));
            return Task.FromResult(malformed == 0 ? 0 : 1);
        }));
        return command;
    }

    private static List<string> Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*.*", SearchOption.AllDirectories)
                    .Where(f => f.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                throw new FileNotFoundException($"No such file or folder: {Path.GetFullPath(path)}", path);
            }
        }
        return files;
    }

    private static string Name(DataFileKind kind) => kind switch
    {
        DataFileKind.Instructions => "instructions",
        DataFileKind.Pairwise => "pairwise",
        DataFileKind.LabelledResponses => "labelled responses",
        DataFileKind.Questions => "questions",
        DataFileKind.ModelAnswers => "model answers",
        DataFileKind.JudgePrompts => "judge prompts",
        DataFileKind.RewardBenchScoring => "rewardbench scoring",
        _ => "unrecognized",
    };
}
