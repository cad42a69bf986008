namespace OrleansEvaluator.Core.Formats;

/// <summary>The records a JSONL read produced and the lines it could not use.</summary>
public sealed record JsonlReadResult<T>(IReadOnlyList<T> Records, IReadOnlyList<DataIssue> Issues);
