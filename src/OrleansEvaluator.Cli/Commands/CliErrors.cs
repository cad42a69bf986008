using Microsoft.Extensions.Options;
using OrleansEvaluator.Inference.Gguf;
using OrleansEvaluator.Inference.Llama;

namespace OrleansEvaluator.Cli.Commands;

/// <summary>Turns the errors a user can cause into one line on stderr and exit code 2; anything else is a bug and keeps its stack.</summary>
internal static class CliErrors
{
    public const int UsageError = 2;

    public static async Task<int> RunAsync(Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (e is ArgumentException or FileNotFoundException or DirectoryNotFoundException
            or GgufFormatException or ModelLoadException or OptionsValidationException or InvalidDataException
            or OrleansEvaluator.Core.Formats.DataFormatException or NotSupportedException)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return UsageError;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("cancelled");
            return 130;
        }
    }
}
