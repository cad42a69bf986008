using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansEvaluator.Cli.Commands;

internal static class CliJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };
}
