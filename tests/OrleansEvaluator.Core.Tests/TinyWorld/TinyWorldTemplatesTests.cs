using OrleansEvaluator.Core.TinyWorld;

namespace OrleansEvaluator.Core.Tests.TinyWorld;

public sealed class TinyWorldTemplatesTests
{
    private static readonly TinyWorldGenerator s_world = TinyWorlds.Generator();

    [Fact]
    public void The_templates_render_on_one_line_without_fences()
    {
        Assert.Equal("question: after 7 answer:", Single(TinyWorldTemplates.Answer.Format("after 7")));
        Assert.Equal("question: after 7 answer: 8 modify:", Single(TinyWorldTemplates.Modify.Format("after 7", "8")));
        Assert.Equal("answer: 8 [[A]] answer: 9 [[B]] question: after 7 answer:", Single(TinyWorldTemplates.Judge.Format("after 7", "8", "9")));
        Assert.All(TinyWorldTemplates.All, t => Assert.False(t.Fenced));
    }

    [Fact]
    public void A_whole_example_stays_within_thirty_words()
    {
        var examples = s_world.AnsweringExamples(TinyWorldTemplates.Answer)
            .Concat(s_world.ModificationExamples(TinyWorldTemplates.Modify))
            .Concat(s_world.JudgmentExamples(TinyWorldTemplates.Judge, 400));

        foreach (var example in examples)
        {
            var words = Words(Single(example.Prompt)) + Words(example.Target);
            Assert.InRange(words, 2, 30);
        }
    }

    [Fact]
    public void The_judge_template_parses_no_verdict_from_its_own_prompt()
    {
        var prompt = Single(TinyWorldTemplates.Judge.Format("after 7", "[[A]]", "[[B]]"));

        Assert.Null(TinyWorldTemplates.Judge.Parse(prompt).Verdict);
    }

    [Fact]
    public void The_modify_target_layout_is_what_the_parser_reads()
    {
        var parsed = TinyWorldTemplates.Modify.Parse(TinyWorldGenerator.ModificationTarget("after 9", "10"));

        Assert.Equal("after 9", parsed.ModifiedInstruction);
        Assert.Equal("10", parsed.Response);
    }

    private static string Single(IReadOnlyList<OrleansEvaluator.Generation.ChatMessage> messages) => Assert.Single(messages).Content;

    private static int Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
}
