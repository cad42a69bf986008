namespace OrleansEvaluator.Cli.Commands;

/// <summary>Names a validation problem by the command-line option that sets its field, so it reads as the user typed it.</summary>
internal static class OptionNames
{
    /// <summary>
    /// <paramref name="problem"/> with its leading field (<c>Field:</c>) replaced by that field's option in
    /// <paramref name="table"/>; null when no field of the table leads it.
    /// </summary>
    public static string? Rename(string problem, IReadOnlyList<(string Field, string Option)> table)
    {
        foreach (var (field, option) in table)
        {
            if (problem.StartsWith(field + ":", StringComparison.Ordinal))
                return option + problem[field.Length..];
        }
        return null;
    }
}
