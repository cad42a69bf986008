namespace OrleansEvaluator.Core.Formats;

/// <summary>What a reader does with a malformed line.</summary>
public enum MalformedLinePolicy
{
    /// <summary>Report it, count it, go on.</summary>
    Skip = 0,

    /// <summary>Stop with a <see cref="DataFormatException"/> naming the file and line.</summary>
    Fail = 1,
}
