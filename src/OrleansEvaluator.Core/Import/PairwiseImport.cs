using OrleansEvaluator.Core.Formats;
using OrleansEvaluator.Data;

namespace OrleansEvaluator.Core.Import;

/// <summary>What a pairwise benchmark import produced.</summary>
public sealed record PairwiseImport(IReadOnlyList<PairwiseItem> Items, IReadOnlyList<DataIssue> Issues)
{
    /// <summary>Items whose human label is a tie.</summary>
    public int Ties => Items.Count(i => i.Tie);
}
