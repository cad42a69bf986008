namespace OrleansEvaluator.Core.TinyWorld;

/// <summary>
/// One TinyWorld task: an instruction text, every answer that is right for it, and the oracle that checks an answer.
/// </summary>
/// <remarks>
/// Answers are compared exactly (ordinal) after trimming: the world's answers are single lower-case words or
/// numbers, and a model that writes <c>Cat</c> or <c>eight</c> has not learned the world's answer.
/// </remarks>
public sealed class TinyTask : IEquatable<TinyTask>
{
    private readonly HashSet<string> _accepted;

    internal TinyTask(TinyFamily family, string text, IReadOnlyList<string> correctAnswers)
    {
        Family = family;
        Text = text;
        CorrectAnswers = correctAnswers;
        _accepted = new HashSet<string>(correctAnswers, StringComparer.Ordinal);
    }

    /// <summary>The task's family.</summary>
    public TinyFamily Family { get; }

    /// <summary>The instruction, words separated by single spaces (<c>after 7</c>).</summary>
    public string Text { get; }

    /// <summary>Every right answer: one for exact families, every member for <see cref="TinyFamily.Category"/>.</summary>
    public IReadOnlyList<string> CorrectAnswers { get; }

    /// <summary>The canonical answer: the first of <see cref="CorrectAnswers"/>.</summary>
    public string CanonicalAnswer => CorrectAnswers[0];

    /// <summary>True when <paramref name="answer"/>, trimmed, is one of <see cref="CorrectAnswers"/>.</summary>
    public bool IsCorrect(string? answer) => answer is not null && _accepted.Contains(answer.Trim());

    /// <summary>Tasks are equal when their texts are: a text determines the task.</summary>
    public bool Equals(TinyTask? other) => other is not null && string.Equals(Text, other.Text, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as TinyTask);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    /// <inheritdoc/>
    public override string ToString() => $"{Text} → {CanonicalAnswer}";
}
