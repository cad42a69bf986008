using OrleansEvaluator.Data;

namespace OrleansEvaluator.Training.Tests;

public sealed class SftPackerTests
{
    // One token per character (ids = char codes), BOS = 1, end = 2: enough to see where everything lands.
    private static int[] Chars(string text, bool bos) => bos ? [1, .. text.Select(c => (int)c)] : [.. text.Select(c => (int)c)];

    [Fact]
    public void Short_examples_share_windows_as_separate_segments_with_loss_on_answers_only()
    {
        var examples = new[] { new SftExample("a", "Q1", "ab", true), new SftExample("b", "Q2", "cd", true), new SftExample("c", "Q3", "ef", false) };
        var windows = SftPacker.Pack(examples, Chars, endToken: 2, contextLength: 20, seed: 1);

        var window = Assert.Single(windows);
        Assert.Equal(20, window.Targets.Length);
        // Three examples of 6 tokens each (BOS, Q, n, x, y, end); every example starts at position 0 in its own segment.
        Assert.Equal(3, window.Positions.Count(p => p == 0) - 1); // the fourth zero starts the padding segment
        var answerOnlyTargets = window.Targets.Count(t => t);
        // answer-only examples: predict "x", "y", end = 3 targets each; the whole-loss example: 5 targets.
        Assert.Equal(3 + 3 + 5, answerOnlyTargets);
        // No target crosses a segment boundary or lands in padding.
        for (var i = 0; i < 20; i++)
        {
            if (window.Targets[i])
                Assert.Equal(window.Segments[i], i + 1 < 20 ? window.Segments[i + 1] : window.Segments[i]);
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_windows_and_another_seed_another_order()
    {
        var examples = Enumerable.Range(0, 40).Select(i => new SftExample($"e{i}", $"Question {i}?", $"Answer {i}.", true)).ToArray();
        var one = SftPacker.Pack(examples, Chars, 2, 64, 7);
        var again = SftPacker.Pack(examples, Chars, 2, 64, 7);
        var other = SftPacker.Pack(examples, Chars, 2, 64, 8);
        Assert.Equal(one.Select(w => string.Join(",", w.Tokens)), again.Select(w => string.Join(",", w.Tokens)));
        Assert.NotEqual(one.Select(w => string.Join(",", w.Tokens)), other.Select(w => string.Join(",", w.Tokens)));
        // Every example lands somewhere: 40 segment starts with a BOS.
        Assert.Equal(40, one.Sum(w => w.Tokens.Take(64).Count(t => t == 1)));
    }

    [Fact]
    public void An_example_longer_than_a_window_and_an_empty_set_are_refused_by_name()
    {
        var error = Assert.Throws<ArgumentException>(() => SftPacker.Pack([new SftExample("long", new string('x', 50), "y", true)], Chars, 2, 16, 1));
        Assert.Contains("Example 'long': 53 tokens", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => SftPacker.Pack([], Chars, 2, 16, 1));
        Assert.Contains("target is empty", Assert.Throws<ArgumentException>(() => SftPacker.Pack([new SftExample("e", "q", "", true)], Chars, 2, 16, 1)).Message, StringComparison.Ordinal);
    }
}
