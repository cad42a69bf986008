using System.Text;
using System.Text.Json;
using OrleansEvaluator.Core.Formats;
using OrleansEvaluator.Data;

namespace OrleansEvaluator.Core.Import;

/// <summary>
/// Reads human-labelled pairwise benchmarks in the shared schema:
/// <c>{"id","subset","prompt","chosen","rejected","tie","chosen_position",…}</c>. Ties are kept and flagged; their
/// two responses come from <c>source_fields</c> (<c>response1</c>/<c>response 1</c>/<c>output_1</c> and the like),
/// because a tie has no chosen one.
/// </summary>
public static class PairwiseReader
{
    private static readonly string[] s_first = ["response1", "response 1", "response_1", "output_1", "output1"];
    private static readonly string[] s_second = ["response2", "response 2", "response_2", "output_2", "output2"];

    /// <summary>Reads a file; the benchmark name is the file name without extension.</summary>
    public static PairwiseImport Read(string path, MalformedLinePolicy policy = MalformedLinePolicy.Skip)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        return Read(reader, path, policy);
    }

    /// <summary>Reads lines from <paramref name="reader"/>; <paramref name="fileName"/> names them in issues.</summary>
    public static PairwiseImport Read(TextReader reader, string fileName, MalformedLinePolicy policy = MalformedLinePolicy.Skip)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var benchmark = Path.GetFileNameWithoutExtension(fileName);
        var items = new List<PairwiseItem>();
        var issues = new List<DataIssue>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            var (item, problem) = Parse(line, benchmark);
            if (item is not null && !ids.Add(item.Id))
            {
                problem = $"id '{item.Id}' was already used by an earlier line";
                item = null;
            }
            if (item is null)
            {
                var issue = new DataIssue(fileName, lineNumber, problem!);
                if (policy == MalformedLinePolicy.Fail)
                    throw new DataFormatException(issue);
                issues.Add(issue);
                continue;
            }
            items.Add(item);
        }
        return new PairwiseImport(items, issues);
    }

    internal static (PairwiseItem? Item, string? Problem) Parse(string line, string benchmark)
    {
        using var document = Json.ParseObject(line, out var invalid);
        if (document is null)
            return (null, invalid);
        var root = document.RootElement;
        if (Json.RequiredString(root, "id") is { Problem: { } idProblem })
            return (null, idProblem);
        if (Json.RequiredString(root, "prompt") is { Problem: { } promptProblem })
            return (null, promptProblem);
        var id = root.GetProperty("id").GetString()!;
        var prompt = root.GetProperty("prompt").GetString()!;
        var subset = Json.OptionalString(root, "subset", out var subsetProblem) ?? "";
        if (subsetProblem is not null)
            return (null, subsetProblem);

        var tie = false;
        if (root.TryGetProperty("tie", out var tieElement) && tieElement.ValueKind != JsonValueKind.Null)
        {
            if (tieElement.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                return (null, "field 'tie' must be true or false");
            tie = tieElement.GetBoolean();
        }

        int? position = null;
        if (root.TryGetProperty("chosen_position", out var pos) && pos.ValueKind != JsonValueKind.Null)
        {
            if (pos.ValueKind != JsonValueKind.Number || !pos.TryGetInt32(out var p) || p is not (1 or 2))
                return (null, "field 'chosen_position' must be 1, 2 or null");
            position = p;
        }

        if (!tie)
        {
            var chosen = Json.OptionalString(root, "chosen", out var chosenProblem);
            var rejected = Json.OptionalString(root, "rejected", out var rejectedProblem);
            if ((chosenProblem ?? rejectedProblem) is { } typeProblem)
                return (null, typeProblem);
            if (chosen is null || rejected is null)
                return (null, $"field '{(chosen is null ? "chosen" : "rejected")}' is missing or null on a row that is not a tie");
            return (new PairwiseItem(id, benchmark, subset, prompt, chosen, rejected, false, position), null);
        }

        if (!root.TryGetProperty("source_fields", out var source) || source.ValueKind != JsonValueKind.Object)
            return (null, "a tie row needs 'source_fields' holding its two responses");
        var first = s_first.Select(k => Json.OptionalString(source, k, out _)).FirstOrDefault(v => v is not null);
        var second = s_second.Select(k => Json.OptionalString(source, k, out _)).FirstOrDefault(v => v is not null);
        if (first is null || second is null)
            return (null, $"a tie row's source_fields has no {(first is null ? "first" : "second")} response (looked for {string.Join(", ", first is null ? s_first : s_second)})");
        return (new PairwiseItem(id, benchmark, subset, prompt, first, second, true, null), null);
    }
}
