namespace OrleansEvaluator.Core.TinyWorld;

/// <summary>
/// A kind of TinyWorld task. The four are the ones a 1 M-parameter seed learned in the prototype: copy-style answers
/// and open-ended naming give reliable labels; comparison is the hardest of them for the seed.
/// </summary>
public enum TinyFamily
{
    /// <summary><c>repeat cat</c> → <c>cat</c>.</summary>
    Repeat,

    /// <summary><c>after 7</c> → <c>8</c>; <c>before 7</c> → <c>6</c>.</summary>
    Successor,

    /// <summary><c>name a fruit</c> → any fruit of the lexicon (many right answers).</summary>
    Category,

    /// <summary><c>bigger 3 or 8</c> → <c>8</c>; <c>smaller 3 or 8</c> → <c>3</c>.</summary>
    Comparison,
}
