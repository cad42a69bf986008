using System.Globalization;
using OrleansEvaluator.Training;

namespace OrleansEvaluator.Cli.Commands;

/// <summary>The seed's training progress as a line every 10 seconds, and at the last step.</summary>
internal sealed class SeedProgress(TextWriter writer, string prefix) : IProgress<SftProgress>
{
    private DateTime _last = DateTime.MinValue;

    public void Report(SftProgress value)
    {
        if (DateTime.UtcNow - _last < TimeSpan.FromSeconds(10) && value.Step != value.TotalSteps)
            return;
        _last = DateTime.UtcNow;
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{prefix} step {value.Step}/{value.TotalSteps} loss {value.Loss:F3} ({value.TokensPerSecond:F0} tok/s)"));
    }
}
