namespace OrleansEvaluator.Data;

/// <summary>Which presented answer a judge preferred. Persisted by number: values only grow.</summary>
public enum Verdict : byte
{
    /// <summary>The first answer shown, marked <c>[[A]]</c>.</summary>
    A = 1,

    /// <summary>The second answer shown, marked <c>[[B]]</c>.</summary>
    B = 2,
}
