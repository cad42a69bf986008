using System.Text;
using System.Text.Json;
using OrleansEvaluator.Core.Formats;

namespace OrleansEvaluator.Core.Import;

/// <summary>
/// Recognizes an input file by its first record and checks every line against that format, reporting each
/// malformed line with its number; nothing is skipped silently.
/// </summary>
public static class DataFileChecker
{
    /// <summary>Checks one file.</summary>
    public static DataFileReport Check(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
            throw new FileNotFoundException($"Data file not found: {Path.GetFullPath(path)}", path);
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            return CheckJson(path);

        var kind = Detect(path);
        switch (kind)
        {
            case DataFileKind.Instructions:
                var instructions = InstructionReader.Read(path);
                return new DataFileReport(path, kind, instructions.Instructions.Count + instructions.Duplicates, instructions.Issues,
                    new Dictionary<string, int> { ["unique"] = instructions.Instructions.Count, ["duplicates"] = instructions.Duplicates });
            case DataFileKind.Pairwise:
                var pairs = PairwiseReader.Read(path);
                return new DataFileReport(path, kind, pairs.Items.Count, pairs.Issues,
                    new Dictionary<string, int> { ["ties"] = pairs.Ties, ["subsets"] = pairs.Items.Select(i => i.Subset).Distinct().Count() });
            case DataFileKind.Unknown:
                return new DataFileReport(path, kind, 0,
                    [new DataIssue(path, 1, "unrecognized format: the first record matches no known input (instructions, pairwise, labelled responses, questions, answers, judge prompts)")],
                    new Dictionary<string, int>());
            default:
                return CheckLines(path, kind);
        }
    }

    /// <summary>The kind of a JSONL file, from its first non-blank line.</summary>
    public static DataFileKind Detect(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
                continue;
            try
            {
                using var document = JsonDocument.Parse(line);
                return document.RootElement.ValueKind == JsonValueKind.Object ? Classify(document.RootElement) : DataFileKind.Unknown;
            }
            catch (JsonException)
            {
                return DataFileKind.Unknown;
            }
        }
        return DataFileKind.Unknown;
    }

    private static DataFileKind Classify(JsonElement o)
    {
        bool Has(string name) => o.TryGetProperty(name, out _);
        if (Has("prompt") && (Has("chosen") || Has("rejected")))
            return DataFileKind.Pairwise;
        if (Has("prompt") && Has("response") && Has("human_label"))
            return DataFileKind.LabelledResponses;
        if (Has("question_id") && Has("turns"))
            return DataFileKind.Questions;
        if (Has("question_id") && Has("choices"))
            return DataFileKind.ModelAnswers;
        if (Has("system_prompt") && Has("prompt_template"))
            return DataFileKind.JudgePrompts;
        if (Has("instruction") || Has("messages") || Has("conversations") || Has("conversation"))
            return DataFileKind.Instructions;
        return DataFileKind.Unknown;
    }

    private static DataFileReport CheckLines(string path, DataFileKind kind)
    {
        var issues = new List<DataIssue>();
        var records = 0;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            string? problem;
            try
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                problem = root.ValueKind != JsonValueKind.Object ? $"expected a JSON object, found {root.ValueKind}" : Validate(kind, root, keys);
            }
            catch (JsonException e)
            {
                problem = "not valid JSON: " + JsonlFile.Describe(e);
            }
            if (problem is null)
                records++;
            else
                issues.Add(new DataIssue(path, lineNumber, problem));
        }
        return new DataFileReport(path, kind, records, issues, new Dictionary<string, int>());
    }

    private static string? Validate(DataFileKind kind, JsonElement o, HashSet<string> keys)
    {
        switch (kind)
        {
            case DataFileKind.LabelledResponses:
                return Json.RequiredString(o, "id").Problem ?? Json.RequiredString(o, "prompt").Problem
                    ?? Json.RequireKind(o, "response", JsonValueKind.String) ?? Json.RequiredString(o, "human_label").Problem
                    ?? Unique(keys, o.GetProperty("id").GetString()!, "id");
            case DataFileKind.Questions:
                if ((Json.RequireKind(o, "question_id", JsonValueKind.Number) ?? Json.RequireKind(o, "turns", JsonValueKind.Array)) is { } q)
                    return q;
                if (o.GetProperty("turns").GetArrayLength() == 0 || o.GetProperty("turns").EnumerateArray().Any(t => t.ValueKind != JsonValueKind.String))
                    return "field 'turns' must be a non-empty array of strings";
                return Unique(keys, o.GetProperty("question_id").GetRawText(), "question_id");
            case DataFileKind.ModelAnswers:
                if ((Json.RequireKind(o, "question_id", JsonValueKind.Number) ?? Json.RequireKind(o, "choices", JsonValueKind.Array)) is { } a)
                    return a;
                foreach (var choice in o.GetProperty("choices").EnumerateArray())
                {
                    if (choice.ValueKind != JsonValueKind.Object || Json.RequireKind(choice, "turns", JsonValueKind.Array) is not null)
                        return "every entry of 'choices' must be an object with a 'turns' array";
                }
                return Unique(keys, o.GetProperty("question_id").GetRawText(), "question_id");
            case DataFileKind.JudgePrompts:
                return Json.RequiredString(o, "name").Problem ?? Json.RequiredString(o, "system_prompt").Problem
                    ?? Json.RequiredString(o, "prompt_template").Problem ?? Unique(keys, o.GetProperty("name").GetString()!, "name");
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    private static string? Unique(HashSet<string> keys, string key, string field) =>
        keys.Add(key) ? null : $"{field} {key} was already used by an earlier line";

    private static DataFileReport CheckJson(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path, Encoding.UTF8));
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("EXAMPLE_COUNTS", out var counts) && root.TryGetProperty("SUBSET_MAPPING", out var mapping))
            {
                var problem = counts.ValueKind != JsonValueKind.Object ? "EXAMPLE_COUNTS must be an object"
                    : mapping.ValueKind != JsonValueKind.Object ? "SUBSET_MAPPING must be an object"
                    : mapping.EnumerateObject().SelectMany(s => s.Value.EnumerateArray()).Select(v => v.GetString()!)
                        .FirstOrDefault(subset => !counts.TryGetProperty(subset, out _)) is { } missing ? $"subset '{missing}' has no EXAMPLE_COUNTS entry" : null;
                return new DataFileReport(path, DataFileKind.RewardBenchScoring, problem is null ? counts.EnumerateObject().Count() : 0,
                    problem is null ? [] : [new DataIssue(path, 1, problem)], new Dictionary<string, int> { ["sections"] = mapping.EnumerateObject().Count() });
            }
            return new DataFileReport(path, DataFileKind.Unknown, 0, [new DataIssue(path, 1, "unrecognized JSON file")], new Dictionary<string, int>());
        }
        catch (JsonException e)
        {
            return new DataFileReport(path, DataFileKind.Unknown, 0, [new DataIssue(path, (int)(e.LineNumber ?? 0) + 1, "not valid JSON: " + JsonlFile.Describe(e))], new Dictionary<string, int>());
        }
    }
}
