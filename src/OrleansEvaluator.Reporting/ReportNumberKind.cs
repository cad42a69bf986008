namespace OrleansEvaluator.Reporting;

/// <summary>How a number of a <see cref="RunReport"/> is shown in text.</summary>
public enum ReportNumberKind
{
    /// <summary>A whole count, as digits.</summary>
    Count = 0,

    /// <summary>A share in [0, 1], shown as a percentage with one decimal.</summary>
    Percent = 1,

    /// <summary>A rate (per second), one decimal.</summary>
    Rate = 2,

    /// <summary>A training loss, four decimals.</summary>
    Loss = 3,
}
