using Microsoft.Extensions.Options;
using OrleansEvaluator.Inference.Gguf;
using OrleansEvaluator.Inference.Llama;

namespace OrleansEvaluator.Cli.Commands;

/// <summary>Turns the errors a user can cause into one line on stderr and exit code 2; anything else is a bug and keeps its stack.</summary>
internal static class CliErrors
{
    public const int UsageError = 2;

    public static Task<int> RunAsync(Func<Task<int>> action) => RunAsync(action, Console.Error);

    /// <summary>The same, writing the error line to <paramref name="error"/> (the invocation's, so tests can read it).</summary>
    public static async Task<int> RunAsync(Func<Task<int>> action, TextWriter error)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (e is ArgumentException or FileNotFoundException or DirectoryNotFoundException
            or GgufFormatException or ModelLoadException or OptionsValidationException or InvalidDataException
            or OrleansEvaluator.Core.Formats.DataFormatException or OrleansEvaluator.Core.Prompts.PromptTemplateException or NotSupportedException)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return UsageError;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("cancelled");
            return 130;
        }
    }
}
