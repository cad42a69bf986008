using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansEvaluator.Core.Formats;

/// <summary>The JSON conventions of every JSONL file the system writes: snake_case names and enum values, no indentation.</summary>
public static class JsonlOptions
{
    /// <summary>Shared options; required constructor parameters and non-nullable members are enforced on read.</summary>
    public static JsonSerializerOptions Records { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };
}
