using System.Text.RegularExpressions;
using OrleansEvaluator.Core.Parsing;
using OrleansEvaluator.Core.Prompts;
using OrleansEvaluator.Data;

namespace OrleansEvaluator.Core.Tests.Prompts;

/// <summary>Structural checks on rendered prompts.</summary>
internal static partial class PromptAssert
{
    [GeneratedRegex(@"\[\[[ABC]\]\]")]
    private static partial Regex VerdictMarker();

    /// <summary>Reads the user message back into blocks; asserts labels, one shared tag and exact contents.</summary>
    public static void HasBlocks(string rendered, params (string Label, string Content)[] expected)
    {
        var blocks = Fence.ReadBlocks(rendered);
        Assert.NotNull(blocks);
        Assert.Equal(expected.Select(e => e.Label), blocks.Select(b => b.Label));
        Assert.Single(blocks.Select(b => b.Tag).Distinct());
        for (var i = 0; i < expected.Length; i++)
            Assert.True(expected[i].Content == blocks[i].Content, $"block {expected[i].Label} differs from its input");
    }

    /// <summary>The text outside the blocks, with each block replaced by its label.</summary>
    public static string Skeleton(string rendered)
    {
        var blocks = Fence.ReadBlocks(rendered) ?? throw new InvalidOperationException("unclosed block");
        var skeleton = rendered;
        foreach (var block in blocks)
            skeleton = skeleton.Replace(
                $"<<<BEGIN {block.Label} {block.Tag}>>>\n{block.Content}\n<<<END {block.Label} {block.Tag}>>>",
                $"<{block.Label}>", StringComparison.Ordinal);
        return skeleton;
    }

    /// <summary>No verdict marker, and nothing any parser would read as a marker.</summary>
    public static void HasNoMarkers(string rendered)
    {
        Assert.False(VerdictMarker().IsMatch(rendered), "a verdict marker appears in untrusted text");
        Assert.False(UntrustedText.ContainsMarker(rendered), "an owned marker appears in untrusted text");
        Assert.Equal(VerdictFailure.NoVerdict, VerdictParser.Parse(rendered).Failure);
    }
}
