using System.Text;
using System.Text.Json;

namespace OrleansEvaluator.Core.Formats;

/// <summary>Records as JSON Lines: one record per line, in <see cref="JsonlOptions.Records"/> conventions.</summary>
public static class JsonlFile
{
    /// <summary>Writes one line per record.</summary>
    public static void Write<T>(TextWriter writer, IEnumerable<T> records)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(records);
        foreach (var record in records)
        {
            writer.Write(JsonSerializer.Serialize(record, JsonlOptions.Records));
            writer.Write('\n');
        }
    }

    /// <summary>Writes the records to a file (UTF-8, no BOM), through a temporary file so a crash leaves no half file.</summary>
    public static void Write<T>(string path, IEnumerable<T> records)
    {
        var temp = path + ".tmp";
        using (var writer = new StreamWriter(temp, false, new UTF8Encoding(false)))
            Write(writer, records);
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>
    /// Reads records; a malformed line is reported with its file and line number and skipped, or, with
    /// <see cref="MalformedLinePolicy.Fail"/>, stops the read. Blank lines are ignored.
    /// </summary>
    public static JsonlReadResult<T> Read<T>(TextReader reader, string fileName, MalformedLinePolicy policy = MalformedLinePolicy.Skip)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var records = new List<T>();
        var issues = new List<DataIssue>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            string? problem;
            try
            {
                var record = JsonSerializer.Deserialize<T>(line, JsonlOptions.Records);
                if (record is not null)
                {
                    records.Add(record);
                    continue;
                }
                problem = "the line is JSON null, not a record";
            }
            catch (JsonException e)
            {
                problem = Describe(e);
            }
            var issue = new DataIssue(fileName, lineNumber, problem);
            if (policy == MalformedLinePolicy.Fail)
                throw new DataFormatException(issue);
            issues.Add(issue);
        }
        return new JsonlReadResult<T>(records, issues);
    }

    /// <summary>Reads a JSONL file.</summary>
    public static JsonlReadResult<T> Read<T>(string path, MalformedLinePolicy policy = MalformedLinePolicy.Skip)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        return Read<T>(reader, path, policy);
    }

    // STJ's message names the JSON path (e.g. "$.verdict"); keep it, drop the line/byte noise that is always 0 here.
    internal static string Describe(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut].TrimEnd('.', ' ') : message;
    }
}
