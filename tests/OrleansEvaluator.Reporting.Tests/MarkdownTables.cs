using System.Text.RegularExpressions;

namespace OrleansEvaluator.Reporting.Tests;

/// <summary>Reads the tables of a markdown report back: per "## " section, its header and rows of cells.</summary>
internal static partial class MarkdownTables
{
    public static Dictionary<string, (string[] Header, List<string[]> Rows)> Parse(string markdown)
    {
        var tables = new Dictionary<string, (string[], List<string[]>)>(StringComparer.Ordinal);
        string? section = null;
        string[]? header = null;
        List<string[]>? rows = null;
        foreach (var line in markdown.Split('\n'))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                section = line[3..];
                header = null;
                continue;
            }
            if (!line.StartsWith('|') || section is null)
                continue;
            var cells = Cells(line);
            if (header is null)
            {
                header = cells;
                rows = [];
                tables[section] = (header, rows);
            }
            else if (!cells.All(c => c.Trim(':').All(ch => ch == '-')))
            {
                rows!.Add(cells);
            }
        }
        return tables;
    }

    // Cells split on '|' not preceded by a backslash (names are escaped that way).
    private static string[] Cells(string line) =>
        [.. Separator().Split(line.Trim().Trim('|')).Select(c => c.Trim().Replace("\\|", "|", StringComparison.Ordinal))];

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex Separator();
}
