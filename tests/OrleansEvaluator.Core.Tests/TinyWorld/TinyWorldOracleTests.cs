using OrleansEvaluator.Core.TinyWorld;
using OrleansEvaluator.Data;

namespace OrleansEvaluator.Core.Tests.TinyWorld;

public sealed class TinyWorldOracleTests
{
    private static readonly TinyWorldGenerator s_world = TinyWorlds.Generator();

    [Fact]
    public void The_oracle_accepts_canonical_answers_and_rejects_every_neighbours_answers()
    {
        foreach (var task in TinyWorlds.AllTasks(s_world))
        {
            var isCorrect = s_world.Oracle.PredicateFor(task.Text);
            Assert.NotNull(isCorrect);
            Assert.True(isCorrect(task.CanonicalAnswer));
            foreach (var neighbour in s_world.Rules.Neighbours(task))
                Assert.All(neighbour.CorrectAnswers, answer => Assert.False(isCorrect(answer)));
        }
    }

    [Fact]
    public void Naming_accepts_any_member()
    {
        Assert.All(s_world.Rules.MembersOf("bird"), bird => Assert.True(s_world.Oracle.IsCorrect("name a bird", bird)));
        Assert.False(s_world.Oracle.IsCorrect("name a bird", "cat"));
    }

    [Fact]
    public void Texts_outside_the_world_have_no_predicate()
    {
        Assert.Null(s_world.Oracle.PredicateFor("write a poem"));
        Assert.False(s_world.Oracle.IsCorrect("write a poem", "cat"));
    }

    [Fact]
    public void Label_quality_counts_truly_better_pairs_and_names_each_failure()
    {
        PreferencePair[] pairs =
        [
            Pair("after 7", "after 8", "8", "9"),           // truly better
            Pair("name a fruit", "name a bird", "pear", "owl"), // truly better, any member
            Pair("after 7", "after 8", "9", "10"),          // the seed answered x wrongly
            Pair("after 7", "before 9", "8", "8"),          // x′ was not different enough
            Pair("sing a song", "sing a hymn", "la", "do"), // not a world instruction
        ];

        var quality = s_world.Oracle.LabelQuality(pairs);

        Assert.Equal((5, 2, 1, 1, 1), (quality.Pairs, quality.TrulyBetter, quality.ChosenWrong, quality.RejectedRight, quality.UnknownInstructions));
        Assert.Equal(0.4, quality.Share, 12);
        // Per family: the three successor pairs hold every failure; the unknown instruction is in no family.
        Assert.Equal([TinyFamily.Successor, TinyFamily.Category], quality.ByFamily.Keys);
        var successor = quality.ByFamily[TinyFamily.Successor];
        Assert.Equal((3, 1, 1, 1, 0), (successor.Pairs, successor.TrulyBetter, successor.ChosenWrong, successor.RejectedRight, successor.UnknownInstructions));
        Assert.Equal(1.0, quality.ByFamily[TinyFamily.Category].Share);
        Assert.Equal(0, s_world.Oracle.LabelQuality([]).Share);
    }

    [Fact]
    public void Pairs_built_from_the_world_have_full_label_quality()
    {
        var pairs = s_world.Benchmark().Select(i =>
            new PreferencePair(i.Id, i.Id, i.Prompt, "?", i.Chosen, i.Rejected, "oracle"));

        var quality = s_world.Oracle.LabelQuality(pairs);

        Assert.Equal(1.0, quality.Share);
    }

    private static PreferencePair Pair(string x, string modified, string chosen, string rejected) =>
        new(x + chosen + rejected, x, x, modified, chosen, rejected, "test");
}
