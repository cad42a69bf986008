namespace OrleansEvaluator.Core.Parsing;

/// <summary>Why a categorizer output did not parse.</summary>
public enum CategoryFailure
{
    /// <summary>All three fields parsed.</summary>
    None = 0,

    /// <summary>No <c>Category:</c> line.</summary>
    MissingCategory = 1,

    /// <summary>The category is not one of the fixed list.</summary>
    UnknownCategory = 2,

    /// <summary>No <c>Complexity:</c> line.</summary>
    MissingComplexity = 3,

    /// <summary>The complexity is not a whole number from 1 to 10.</summary>
    InvalidComplexity = 4,

    /// <summary>No <c>Length:</c> line.</summary>
    MissingLength = 5,

    /// <summary>The length is not 1 to 5 or a step name.</summary>
    InvalidLength = 6,

    /// <summary>A field appears twice with different values.</summary>
    ConflictingFields = 7,
}
