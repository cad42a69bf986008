using OrleansEvaluator.Core.Formats;

namespace OrleansEvaluator.Core.Import;

/// <summary>The result of checking one input file.</summary>
/// <param name="Path">The file.</param>
/// <param name="Kind">What it was recognized as.</param>
/// <param name="Records">Valid records.</param>
/// <param name="Issues">Every malformed line, with its number and reason.</param>
/// <param name="Details">Counts worth knowing for the kind (ties, duplicates, subsets).</param>
public sealed record DataFileReport(string Path, DataFileKind Kind, int Records, IReadOnlyList<DataIssue> Issues, IReadOnlyDictionary<string, int> Details);
