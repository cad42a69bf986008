using OrleansEvaluator.Core.Metrics;
using OrleansEvaluator.Data;

namespace OrleansEvaluator.Core.Tests.Metrics;

public sealed class VerdictSkewTests
{
    [Fact]
    public void Skew_is_the_share_of_A_among_parseable_verdicts_minus_one_half()
    {
        var skew = VerdictSkew.Of([Verdict.A, Verdict.A, Verdict.A, Verdict.B, null, null]);

        Assert.Equal(new VerdictSkew(3, 1, 2), skew);
        Assert.Equal(0.75, skew.ShareA);
        Assert.Equal(0.25, skew.Skew);
    }

    [Fact]
    public void Without_parseable_verdicts_there_is_no_skew() => Assert.Null(VerdictSkew.Of([null]).Skew);
}
