namespace OrleansEvaluator.Reporting.Tests;

public sealed class StageRateTests
{
    [Fact]
    public void Rate_and_time_left_come_from_the_items_done_since_the_stage_was_first_seen()
    {
        var rate = new StageRate();
        // A resumed stage starts at 40 already done: those are not speed.
        rate.Observe("judge/1", TimeSpan.FromSeconds(10), 40, 240);
        Assert.Null(rate.ItemsPerSecond);
        rate.Observe("judge/1", TimeSpan.FromSeconds(20), 90, 240);
        Assert.Equal(5.0, rate.ItemsPerSecond);
        Assert.Equal(TimeSpan.FromSeconds(30), rate.Remaining);
    }

    [Fact]
    public void A_new_stage_starts_over_and_no_progress_means_no_estimate()
    {
        var rate = new StageRate();
        rate.Observe("synthesize", TimeSpan.Zero, 0, 100);
        rate.Observe("synthesize", TimeSpan.FromSeconds(10), 100, 100);
        Assert.Equal(TimeSpan.Zero, rate.Remaining);
        rate.Observe("judge/1", TimeSpan.FromSeconds(11), 0, 50);
        Assert.Null(rate.Remaining);
        rate.Observe("judge/1", TimeSpan.FromSeconds(30), 0, 50);
        Assert.Null(rate.ItemsPerSecond);
    }
}
