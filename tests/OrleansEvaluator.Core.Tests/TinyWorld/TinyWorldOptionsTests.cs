using OrleansEvaluator.Core.TinyWorld;

namespace OrleansEvaluator.Core.Tests.TinyWorld;

public sealed class TinyWorldOptionsTests
{
    [Fact]
    public void Defaults_are_valid() => Assert.Empty(new TinyWorldOptions().Validate());

    [Fact]
    public void Every_problem_is_reported_naming_its_field()
    {
        var options = new TinyWorldOptions
        {
            Families = [TinyFamily.Repeat, TinyFamily.Repeat, (TinyFamily)42],
            MaxNumber = 100,
            CategoryCount = 2,
            HeldOutFraction = double.NaN,
            PairsPerHeldOutInstruction = 0,
            AnsweringExamples = -1,
            DocumentFraction = 1.5,
            RepeatFraction = double.NaN,
            AfterResponsesFraction = -0.1,
            MaxQuestionsBefore = 0,
            ModificationExamples = -1,
        };

        var problems = options.Validate();

        Assert.Equal(12, problems.Count);
        foreach (var field in new[]
                 {
                     "Families: '42'", "Families: 'Repeat' is listed 2 times", "MaxNumber", "CategoryCount", "HeldOutFraction",
                     "PairsPerHeldOutInstruction", "AnsweringExamples", "DocumentFraction", "RepeatFraction", "AfterResponsesFraction", "MaxQuestionsBefore", "ModificationExamples",
                 })
            Assert.Contains(problems, p => p.StartsWith(field, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    public void The_held_out_fraction_must_leave_both_sides(double fraction) =>
        Assert.Single(new TinyWorldOptions { HeldOutFraction = fraction }.Validate());

    [Fact]
    public void An_empty_family_list_is_a_problem() =>
        Assert.Equal(["Families: name at least one family."], new TinyWorldOptions { Families = [] }.Validate());
}
