using OrleansEvaluator.Core.Formats;
using OrleansEvaluator.Core.Sampling;
using OrleansEvaluator.Data;

namespace OrleansEvaluator.Core.Tests.Sampling;

public sealed class ReplaySetTests
{
    private static SftExample[] Rows(string prefix, int count) =>
        [.. Enumerable.Range(0, count).Select(i => new SftExample($"{prefix}{i}", $"question {i}", $"answer {i}", AnswerOnlyLoss: prefix == "j"))];

    [Theory]
    [InlineData(70, 0.3, 30)]
    [InlineData(10, 0.5, 10)]
    [InlineData(10, 0.0, 0)]
    [InlineData(0, 0.3, 0)]
    public void The_count_makes_the_fraction_of_the_mixed_set(int training, double fraction, int expected) =>
        Assert.Equal(expected, ReplaySet.Count(training, fraction));

    [Fact]
    public void Mixing_keeps_the_training_rows_first_then_draws_distinct_replay_rows_per_draw()
    {
        var training = Rows("j", 70);
        var replay = Rows("r", 100);

        var first = ReplaySet.Mix(training, replay, 0.3, seed: 5, draw: 1);

        Assert.Equal(100, first.Count);
        Assert.Equal(training, first.Take(70));
        var drawn = first.Skip(70).ToList();
        Assert.Equal(30, drawn.Distinct().Count());
        Assert.Subset(replay.ToHashSet(), drawn.ToHashSet());
        Assert.Equal(first, ReplaySet.Mix(training, replay, 0.3, seed: 5, draw: 1));
        Assert.NotEqual(drawn, ReplaySet.Mix(training, replay, 0.3, seed: 5, draw: 2).Skip(70));
        Assert.NotEqual(drawn, ReplaySet.Mix(training, replay, 0.3, seed: 6, draw: 1).Skip(70));
    }

    [Fact]
    public void A_small_replay_set_is_drawn_whole_before_any_row_repeats()
    {
        var mixed = ReplaySet.Mix(Rows("j", 30), Rows("r", 4), 0.25, seed: 1, draw: 1);

        var drawn = mixed.Skip(30).ToList();
        Assert.Equal(10, drawn.Count);
        Assert.Equal(4, drawn.Take(4).Distinct().Count());
        Assert.All(drawn.GroupBy(r => r.Id), g => Assert.InRange(g.Count(), 2, 3));
    }

    [Fact]
    public void No_fraction_or_no_replay_leaves_the_training_set_alone()
    {
        var training = Rows("j", 10);
        Assert.Same(training, ReplaySet.Mix(training, Rows("r", 5), 0, 1, 1));
        Assert.Same(training, ReplaySet.Mix(training, [], 0.3, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReplaySet.Mix(training, Rows("r", 5), 1, 1, 1));
    }

    [Fact]
    public void Reading_names_the_file_and_line_of_a_malformed_row_and_rejects_an_empty_file()
    {
        var good = """{"id":"a","prompt":"question: after 3 answer:","target":"4","answer_only_loss":false}""";

        Assert.Equal("4", Assert.Single(ReplaySet.Read(new StringReader(good), "seed.jsonl")).Target);
        var bad = Assert.Throws<DataFormatException>(() => ReplaySet.Read(new StringReader(good + "\n{\"id\": 3\n"), "seed.jsonl"));
        Assert.StartsWith("seed.jsonl:2:", bad.Message, StringComparison.Ordinal);
        var empty = Assert.Throws<DataFormatException>(() => ReplaySet.Read(new StringReader("\n"), "seed.jsonl"));
        Assert.Equal("seed.jsonl: the replay file holds no rows.", empty.Message);
    }
}
