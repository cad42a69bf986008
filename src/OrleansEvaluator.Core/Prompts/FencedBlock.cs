namespace OrleansEvaluator.Core.Prompts;

/// <summary>A fenced block read back from rendered text: its label (<c>ANSWER A</c>), tag and exact content.</summary>
internal sealed record FencedBlock(string Label, string Tag, string Content);
