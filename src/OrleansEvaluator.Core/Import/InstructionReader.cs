using System.Text;
using System.Text.Json;
using OrleansEvaluator.Core.Formats;
using OrleansEvaluator.Data;

namespace OrleansEvaluator.Core.Import;

/// <summary>
/// Reads instructions from JSONL in any of the common shapes, line by line:
/// <c>{"id","instruction"}</c> (plus <c>source</c>, <c>category</c>); OpenAI <c>messages</c>; ShareGPT
/// <c>conversations</c> (<c>from</c>/<c>value</c>); WildChat <c>conversation</c>. For a conversation the last user
/// turn is the instruction. Duplicates (same normalized text) are dropped and counted; every malformed line is
/// reported with its file and line.
/// </summary>
public static class InstructionReader
{
    /// <summary>Reads a file.</summary>
    public static InstructionImport Read(string path, MalformedLinePolicy policy = MalformedLinePolicy.Skip)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        return Read(reader, path, policy);
    }

    /// <summary>Reads lines from <paramref name="reader"/>; <paramref name="fileName"/> names them in issues.</summary>
    public static InstructionImport Read(TextReader reader, string fileName, MalformedLinePolicy policy = MalformedLinePolicy.Skip)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var instructions = new List<Instruction>();
        var issues = new List<DataIssue>();
        var byText = new HashSet<string>(StringComparer.Ordinal);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var duplicates = 0;
        var source = Path.GetFileNameWithoutExtension(fileName);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            var (instruction, problem) = Parse(line, source);
            if (instruction is not null)
            {
                // The same text again is not malformed: it is dropped and counted. The same id on other text is.
                if (byText.Contains(TextNormalizer.Key(instruction.Text)))
                {
                    duplicates++;
                    continue;
                }
                if (ids.Contains(instruction.Id))
                {
                    problem = $"id '{instruction.Id}' was already used by an earlier line with other text";
                    instruction = null;
                }
            }
            if (instruction is null)
            {
                var issue = new DataIssue(fileName, lineNumber, problem!);
                if (policy == MalformedLinePolicy.Fail)
                    throw new DataFormatException(issue);
                issues.Add(issue);
                continue;
            }
            byText.Add(TextNormalizer.Key(instruction.Text));
            ids.Add(instruction.Id);
            instructions.Add(instruction);
        }
        return new InstructionImport(instructions, issues, duplicates);
    }

    internal static (Instruction? Instruction, string? Problem) Parse(string line, string defaultSource)
    {
        using var document = Json.ParseObject(line, out var invalid);
        if (document is null)
            return (null, invalid);
        var root = document.RootElement;

        string? text;
        string? problem;
        if (root.TryGetProperty("instruction", out var plain))
            (text, problem) = plain.ValueKind == JsonValueKind.String
                ? ((string?)plain.GetString(), (string?)null)
                : ((string?)null, (string?)"field 'instruction' must be a string");
        else if (root.TryGetProperty("messages", out var messages))
            (text, problem) = LastUserTurn(messages, "messages", "role", "content", "user");
        else if (root.TryGetProperty("conversations", out var sharegpt))
            (text, problem) = LastUserTurn(sharegpt, "conversations", "from", "value", "human", "user");
        else if (root.TryGetProperty("conversation", out var wildchat))
            (text, problem) = LastUserTurn(wildchat, "conversation", "role", "content", "user");
        else
            return (null, "no instruction: expected a field 'instruction', 'messages', 'conversations' or 'conversation'");

        if (text is null)
            return (null, problem);
        if (string.IsNullOrWhiteSpace(text))
            return (null, "the instruction is empty");

        var id = String(root, "id") ?? String(root, "conversation_hash") ?? String(root, "conversation_id")
            ?? TextNormalizer.ContentId("instr", text);
        return (new Instruction(id, text, String(root, "source") ?? defaultSource, String(root, "category")), null);
    }

    private static (string? Text, string? Problem) LastUserTurn(JsonElement turns, string field, string roleField, string contentField, params string[] userRoles)
    {
        if (turns.ValueKind != JsonValueKind.Array)
            return (null, $"field '{field}' must be an array of turns");
        string? last = null;
        var index = 0;
        foreach (var turn in turns.EnumerateArray())
        {
            if (turn.ValueKind != JsonValueKind.Object)
                return (null, $"{field}[{index}] must be an object");
            if (String(turn, roleField) is { } role && userRoles.Contains(role, StringComparer.OrdinalIgnoreCase))
            {
                if (!turn.TryGetProperty(contentField, out var content))
                    return (null, $"{field}[{index}] has no '{contentField}'");
                last = Content(content);
                if (last is null)
                    return (null, $"{field}[{index}].{contentField} must be a string or a list of text parts");
            }
            index++;
        }
        return last is null ? (null, $"field '{field}' has no user turn") : (last, null);
    }

    // OpenAI content may be a string or a list of parts: [{"type":"text","text":"..."}].
    private static string? Content(JsonElement content)
    {
        if (content.ValueKind == JsonValueKind.String)
            return content.GetString();
        if (content.ValueKind != JsonValueKind.Array)
            return null;
        var parts = new List<string>();
        foreach (var part in content.EnumerateArray())
        {
            if (part.ValueKind == JsonValueKind.Object && String(part, "text") is { } text)
                parts.Add(text);
        }
        return parts.Count == 0 ? null : string.Join("\n", parts);
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;
}
