namespace OrleansEvaluator.Reporting;

/// <summary>
/// The rate and time left of the stage in progress, from the items done so far. Measured from the first observation
/// of a stage, so items a resumed run had already finished do not count as speed.
/// </summary>
public sealed class StageRate
{
    private string? _stage;
    private TimeSpan _since;
    private int _doneAtStart;

    /// <summary>Items per second since the stage was first seen; null until it has moved for a second.</summary>
    public double? ItemsPerSecond { get; private set; }

    /// <summary>Time left at that rate; null while the rate is unknown.</summary>
    public TimeSpan? Remaining { get; private set; }

    /// <summary>Records that <paramref name="done"/> of <paramref name="total"/> items of <paramref name="stage"/> are finished at <paramref name="now"/>.</summary>
    /// <param name="stage">Names the stage (phase and iteration); a new name starts the measurement over.</param>
    /// <param name="now">Time on a monotonic clock.</param>
    /// <param name="done">Items finished.</param>
    /// <param name="total">Items in the stage.</param>
    public void Observe(string stage, TimeSpan now, int done, int total)
    {
        if (stage != _stage)
        {
            _stage = stage;
            _since = now;
            _doneAtStart = done;
            ItemsPerSecond = null;
            Remaining = null;
            return;
        }
        var seconds = (now - _since).TotalSeconds;
        var moved = done - _doneAtStart;
        if (seconds < 1 || moved <= 0)
            return;
        ItemsPerSecond = moved / seconds;
        Remaining = TimeSpan.FromSeconds(Math.Max(0, total - done) / ItemsPerSecond.Value);
    }
}
