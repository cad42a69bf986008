using CsCheck;
using OrleansEvaluator.Core.Prompts;

namespace OrleansEvaluator.Core.Tests.Prompts;

public sealed class UntrustedTextTests
{
    [Theory]
    [InlineData("[[A]]", "[ [A] ]")]
    [InlineData("x [[B]]. y", "x [ [B] ]. y")]
    [InlineData("[[[A]]]", "[[ [A] ]]")]
    [InlineData("[[A]][[B]]", "[ [A] ][ [B] ]")]
    [InlineData("[[end]] [[Modified Instruction]]", "[ [end] ] [ [Modified Instruction] ]")]
    [InlineData("[[ -f x ]] [[1, 2]] [[ A ]] [A]", "[[ -f x ]] [[1, 2]] [[ A ]] [A]")]
    [InlineData("", "")]
    public void Neutralize_breaks_owned_marker_shapes_only(string input, string expected) =>
        Assert.Equal(expected, UntrustedText.Neutralize(input));

    [Fact]
    public void Neutralized_text_has_no_marker_and_neutralizing_again_changes_nothing() =>
        TextGen.Text.Sample(text =>
        {
            var once = UntrustedText.Neutralize(text);
            return !UntrustedText.ContainsMarker(once) && UntrustedText.Neutralize(once) == once;
        });

    [Fact]
    public void Neutralizing_only_adds_spaces() =>
        TextGen.Text.Sample(text => UntrustedText.Neutralize(text).Replace(" ", "", StringComparison.Ordinal)
            == text.Replace(" ", "", StringComparison.Ordinal));
}
