using System.Text.Json;

namespace OrleansEvaluator.Core.Import;

/// <summary>Field checks with messages that name the field.</summary>
internal static class Json
{
    /// <summary>Parses one JSONL line that must hold an object; null with the problem otherwise.</summary>
    public static JsonDocument? ParseObject(string line, out string? problem)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            problem = "not valid JSON: " + Formats.JsonlFile.Describe(e);
            return null;
        }
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            problem = $"expected a JSON object, found {document.RootElement.ValueKind}";
            document.Dispose();
            return null;
        }
        problem = null;
        return document;
    }

    public static (string? Value, string? Problem) RequiredString(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return (null, $"field '{name}' is missing");
        if (value.ValueKind != JsonValueKind.String)
            return (null, $"field '{name}' must be a string, found {value.ValueKind}");
        var s = value.GetString()!;
        return string.IsNullOrWhiteSpace(s) ? (null, $"field '{name}' is empty") : (s, null);
    }

    public static string? OptionalString(JsonElement obj, string name, out string? problem)
    {
        problem = null;
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind == JsonValueKind.String)
            return value.GetString();
        problem = $"field '{name}' must be a string or null, found {value.ValueKind}";
        return null;
    }

    public static string? RequireKind(JsonElement obj, string name, JsonValueKind kind)
    {
        if (!obj.TryGetProperty(name, out var value))
            return $"field '{name}' is missing";
        return value.ValueKind == kind ? null : $"field '{name}' must be {Describe(kind)}, found {value.ValueKind}";
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.Number => "a number",
        JsonValueKind.String => "a string",
        _ => kind.ToString(),
    };
}
