using OrleansEvaluator.Inference.Llama;

namespace OrleansEvaluator.Inference.Tests;

public sealed class StopStringMatcherTests
{
    [Theory]
    [InlineData("hello world", "wor", 0, 6)]
    [InlineData("hello world", "wor", 8, 6)]  // a stop that straddles the old and new text is found
    [InlineData("hello world", "hello", 6, -1)] // entirely in text searched before
    [InlineData("abc", "x", 0, -1)]
    public void Finds_the_first_stop_ending_in_new_text(string text, string stop, int newFrom, int expected) =>
        Assert.Equal(expected, StopStringMatcher.Find(text, [stop], newFrom));

    [Fact]
    public void The_earliest_of_several_stops_wins() =>
        Assert.Equal(1, StopStringMatcher.Find("a\nb###", ["###", "\n"], 0));
}
