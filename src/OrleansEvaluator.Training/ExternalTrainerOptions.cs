namespace OrleansEvaluator.Training;

/// <summary>
/// A command that trains models this process cannot hold. Arguments may use the placeholders <c>{base}</c>,
/// <c>{data}</c>, <c>{out}</c>, <c>{epochs}</c>, <c>{lr}</c>, <c>{lora_rank}</c>, <c>{seed}</c> and <c>{accumulation}</c>; the command must
/// write a GGUF to <c>{out}</c> and exit with 0. It runs without a shell, so arguments are never re-parsed.
/// </summary>
public sealed record ExternalTrainerOptions
{
    /// <summary>Placeholders the arguments may use.</summary>
    public static readonly IReadOnlyList<string> Placeholders = ["{base}", "{data}", "{out}", "{epochs}", "{lr}", "{lora_rank}", "{seed}", "{accumulation}"];

    /// <summary>The program to run.</summary>
    public required string FileName { get; init; }

    /// <summary>Its arguments, with placeholders.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>Longest a job may take before it is killed.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromHours(12);

    /// <summary>Every problem, each naming its field.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(FileName))
            errors.Add("FileName: required.");
        if (Timeout <= TimeSpan.Zero)
            errors.Add($"Timeout: must be positive (got {Timeout}).");
        foreach (var argument in Arguments)
        {
            var at = argument.IndexOf('{', StringComparison.Ordinal);
            while (at >= 0)
            {
                var end = argument.IndexOf('}', at);
                var token = end < 0 ? argument[at..] : argument[at..(end + 1)];
                if (!Placeholders.Contains(token))
                    errors.Add($"Arguments: unknown placeholder '{token}' in '{argument}' (known: {string.Join(", ", Placeholders)}).");
                at = end < 0 ? -1 : argument.IndexOf('{', end);
            }
        }
        if (!Arguments.Any(a => a.Contains("{out}", StringComparison.Ordinal)))
            errors.Add("Arguments: must pass {out}, where the command writes the model.");
        return errors;
    }
}
