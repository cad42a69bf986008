using CsCheck;
using OrleansEvaluator.Core.Prompts;

namespace OrleansEvaluator.Core.Tests.Prompts;

public sealed class RenderingPropertyTests
{
    private static readonly JudgePrompt s_judge = new();
    private static readonly string s_skeleton = PromptAssert.Skeleton(s_judge.Format("q", "a", "b")[1].Content);

    [Fact]
    public void Rendering_then_reading_the_blocks_round_trips_any_content() =>
        Gen.Select(TextGen.Text, TextGen.Text, TextGen.Text).Sample((instruction, a, b) =>
        {
            var user = s_judge.Format(instruction, a, b)[1].Content;

            PromptAssert.HasBlocks(user,
                ("INSTRUCTION", UntrustedText.Neutralize(instruction)),
                ("ANSWER A", UntrustedText.Neutralize(a)),
                ("ANSWER B", UntrustedText.Neutralize(b)));
            Assert.Equal(s_skeleton, PromptAssert.Skeleton(user));
            PromptAssert.HasNoMarkers(user);
        }, iter: 2000);

    [Fact]
    public void Rendering_is_deterministic() =>
        Gen.Select(TextGen.Text, TextGen.Text).Sample((instruction, answer) =>
        {
            var prompt = new ModifiedInstructionPrompt();
            Assert.Equal(prompt.Format(instruction, answer), prompt.Format(instruction, answer));
        });
}
