using OrleansEvaluator.Core.TinyWorld;

namespace OrleansEvaluator.Core.Tests.TinyWorld;

public sealed class TinyWorldRulesTests
{
    private static readonly TinyWorldRules s_rules = new(TinyWorlds.Options());

    [Theory]
    [InlineData("repeat cat", "cat")]
    [InlineData("after 7", "8")]
    [InlineData("before 7", "6")]
    [InlineData("name a fruit", "apple")]
    [InlineData("name an insect", "ant")]
    [InlineData("bigger 3 or 8", "8")]
    [InlineData("smaller 3 or 8", "3")]
    [InlineData("bigger 12 or 4", "12")]
    public void Surface_forms_parse_to_their_canonical_answer(string text, string answer)
    {
        var task = s_rules.Parse(text);

        Assert.NotNull(task);
        Assert.Equal(text, task.Text);
        Assert.Equal(answer, task.CanonicalAnswer);
        Assert.True(task.IsCorrect(answer));
        Assert.True(task.IsCorrect($"  {answer}\n"));
    }

    [Theory]
    [InlineData("repeat")]
    [InlineData("repeat unicorn")]
    [InlineData("after 20")]
    [InlineData("before 0")]
    [InlineData("after 07")]
    [InlineData("after -1")]
    [InlineData("name an fruit")]
    [InlineData("name a dinosaur")]
    [InlineData("bigger 3 or 3")]
    [InlineData("bigger 3 and 8")]
    [InlineData("Repeat cat")]
    [InlineData("")]
    public void Other_texts_are_not_instructions_of_the_world(string text) => Assert.Null(s_rules.Parse(text));

    [Fact]
    public void Every_task_parses_back_to_itself()
    {
        foreach (var family in s_rules.Families)
            foreach (var task in s_rules.All(family))
            {
                var parsed = s_rules.Parse(task.Text);
                Assert.NotNull(parsed);
                Assert.Equal(task.Family, parsed.Family);
                Assert.Equal(task.CorrectAnswers, parsed.CorrectAnswers);
            }
    }

    [Fact]
    public void Naming_accepts_any_member_of_the_category_and_nothing_else()
    {
        var fruit = s_rules.Parse("name a fruit")!;

        foreach (var member in s_rules.MembersOf("fruit"))
            Assert.True(fruit.IsCorrect(member));
        foreach (var other in s_rules.Categories.Where(c => c != "fruit").SelectMany(s_rules.MembersOf))
            Assert.False(fruit.IsCorrect(other));
        Assert.False(fruit.IsCorrect("fruit"));
        Assert.False(fruit.IsCorrect("Apple"));
        Assert.False(fruit.IsCorrect("apple banana"));
    }

    [Fact]
    public void The_lexicon_is_disjoint_and_one_word_per_entry()
    {
        var words = TinyWorldLexicon.Categories.SelectMany(c => c.Members).ToList();
        var names = TinyWorldLexicon.Categories.Select(c => c.Name).ToList();

        Assert.Equal(words.Count, words.Distinct(StringComparer.Ordinal).Count());
        Assert.Empty(words.Intersect(names, StringComparer.Ordinal));
        Assert.Empty(words.Concat(names).Intersect(TinyWorldLexicon.InstructionWords, StringComparer.Ordinal));
        Assert.All(words.Concat(names), w => Assert.Matches("^[a-z]+$", w));
    }

    [Fact]
    public void Every_neighbour_is_same_family_different_and_its_answers_are_wrong_for_the_original()
    {
        foreach (var family in s_rules.Families)
            foreach (var task in s_rules.All(family))
            {
                var neighbours = s_rules.Neighbours(task);
                Assert.NotEmpty(neighbours);
                foreach (var neighbour in neighbours)
                {
                    Assert.Equal(task.Family, neighbour.Family);
                    Assert.NotEqual(task.Text, neighbour.Text);
                    Assert.All(neighbour.CorrectAnswers, a => Assert.False(task.IsCorrect(a), $"{neighbour} answers {task}"));
                }
            }
    }

    [Fact]
    public void Neighbours_are_near_the_original()
    {
        Assert.Equal(["after 5", "after 6", "after 8", "after 9", "before 6", "before 7", "before 8"],
            s_rules.Neighbours(s_rules.Parse("after 7")!).Select(t => t.Text));
        Assert.Equal(["smaller 3 or 8", "bigger 3 or 6", "bigger 3 or 7", "bigger 3 or 9", "bigger 3 or 10"],
            s_rules.Neighbours(s_rules.Parse("bigger 3 or 8")!).Select(t => t.Text));
        Assert.Contains("repeat dog", s_rules.Neighbours(s_rules.Parse("repeat cat")!).Select(t => t.Text));
        Assert.Contains("name an insect", s_rules.Neighbours(s_rules.Parse("name a fruit")!).Select(t => t.Text));
    }

    [Fact]
    public void A_family_left_out_of_the_options_has_no_tasks_and_does_not_parse()
    {
        var rules = new TinyWorldRules(new TinyWorldOptions { Families = [TinyFamily.Repeat] });

        Assert.Empty(rules.All(TinyFamily.Successor));
        Assert.Null(rules.Parse("after 7"));
        Assert.NotNull(rules.Parse("repeat cat"));
    }
}
