using System.Globalization;

namespace OrleansEvaluator.Reporting;

/// <summary>
/// The one way report numbers become text. The markdown tables go through <see cref="Format"/> only, so a table
/// cell always equals the JSON value formatted here (the tests rely on it).
/// </summary>
public static class ReportFormat
{
    /// <summary>What a missing value (not measured, or not applicable) shows as.</summary>
    public const string Missing = "–";

    /// <summary>Formats a value of the given kind, invariant culture; null gives <see cref="Missing"/>.</summary>
    public static string Format(double? value, ReportNumberKind kind)
    {
        if (value is not { } v || double.IsNaN(v))
            return Missing;
        var c = CultureInfo.InvariantCulture;
        return kind switch
        {
            ReportNumberKind.Count => Math.Round(v).ToString("0", c),
            ReportNumberKind.Percent => (v * 100).ToString("F1", c) + "%",
            ReportNumberKind.Rate => v.ToString("F1", c),
            ReportNumberKind.Loss => v.ToString("F4", c),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown number kind."),
        };
    }

    /// <summary>A content id shortened for tables: the digest without its <c>sha256:</c> prefix, 12 characters.</summary>
    public static string ShortId(string? id)
    {
        if (string.IsNullOrEmpty(id))
            return Missing;
        var colon = id.IndexOf(':', StringComparison.Ordinal);
        var digest = colon >= 0 ? id[(colon + 1)..] : id;
        return digest.Length <= 12 ? digest : digest[..12];
    }
}
