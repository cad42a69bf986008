using OrleansEvaluator.Core.Prompts;
using OrleansEvaluator.Core.TinyWorld;

namespace OrleansEvaluator.Core.Tests.TinyWorld;

public sealed class TinyWorldVocabularyTests
{
    private static readonly TinyWorldGenerator s_world = TinyWorlds.Generator();
    private static readonly TinyWorldVocabulary s_vocabulary = new(s_world.Rules, TinyWorldTemplates.All);

    [Fact]
    public void The_vocabulary_covers_every_generated_text()
    {
        var texts = s_world.InstructionPool().Select(i => i.Text)
            .Concat(s_world.Benchmark().SelectMany(i => new[] { i.Prompt, i.Chosen, i.Rejected }))
            .Concat(TinyWorlds.AllTasks(s_world).SelectMany(t => t.CorrectAnswers.Append(t.Text)))
            .Concat(Examples().SelectMany(e => e.Prompt.Select(m => m.Content).Append(e.Target)));

        foreach (var text in texts)
            Assert.Empty(s_vocabulary.Uncovered(text));
    }

    [Fact]
    public void The_vocabulary_holds_template_words_and_markers_and_is_sorted()
    {
        foreach (var word in new[] { "question:", "answer:", "modify:", "[[MODIFIED", "INSTRUCTION]]", "[[RESPONSE]]", "[[END]]", "[[A]]", "[[B]]", "0", "20", "an" })
            Assert.True(s_vocabulary.Contains(word), word);
        Assert.False(s_vocabulary.Contains("21"));
        Assert.Equal(s_vocabulary.Words.Order(StringComparer.Ordinal), s_vocabulary.Words);
        Assert.Equal(s_vocabulary.Words.Count, s_vocabulary.Words.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Fenced_prompts_are_not_covered()
    {
        var fenced = new JudgePrompt().Format("after 7", "8", "9")[1].Content;

        Assert.NotEmpty(s_vocabulary.Uncovered(fenced));
    }

    private static IEnumerable<TinyWorldExample> Examples() =>
        s_world.AnsweringExamples(TinyWorldTemplates.Answer)
            .Concat(s_world.ModificationExamples(TinyWorldTemplates.Modify))
            .Concat(s_world.JudgmentExamples(TinyWorldTemplates.Judge, 400));
}
