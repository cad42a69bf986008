namespace OrleansEvaluator.Reporting.Tests;

public sealed class ReportFormatTests
{
    [Theory]
    [InlineData(0.1234, ReportNumberKind.Percent, "12.3%")]
    [InlineData(1.0, ReportNumberKind.Percent, "100.0%")]
    [InlineData(24.78, ReportNumberKind.Rate, "24.8")]
    [InlineData(0.812345, ReportNumberKind.Loss, "0.8123")]
    [InlineData(968.0, ReportNumberKind.Count, "968")]
    public void Formats_each_kind_invariantly(double value, ReportNumberKind kind, string expected) =>
        Assert.Equal(expected, ReportFormat.Format(value, kind));

    [Theory]
    [InlineData(ReportNumberKind.Count)]
    [InlineData(ReportNumberKind.Percent)]
    [InlineData(ReportNumberKind.Rate)]
    [InlineData(ReportNumberKind.Loss)]
    public void Missing_values_are_a_dash(ReportNumberKind kind)
    {
        Assert.Equal("–", ReportFormat.Format(null, kind));
        Assert.Equal("–", ReportFormat.Format(double.NaN, kind));
    }

    [Fact]
    public void Short_ids_drop_the_prefix()
    {
        Assert.Equal("0123456789ab", ReportFormat.ShortId(SampleRuns.Judge0));
        Assert.Equal("–", ReportFormat.ShortId(null));
    }
}
