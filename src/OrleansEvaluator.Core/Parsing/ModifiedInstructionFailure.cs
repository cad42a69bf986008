namespace OrleansEvaluator.Core.Parsing;

/// <summary>Why a pair-construction output did not parse; the example is dropped and counted under this reason.</summary>
public enum ModifiedInstructionFailure
{
    /// <summary>Both parts parsed.</summary>
    None = 0,

    /// <summary>No <c>[[MODIFIED INSTRUCTION]]</c> marker.</summary>
    MissingInstructionMarker = 1,

    /// <summary>No <c>[[RESPONSE]]</c> marker.</summary>
    MissingResponseMarker = 2,

    /// <summary>No <c>[[END]]</c> marker: usually the output was cut off, so the response may be incomplete.</summary>
    MissingEndMarker = 3,

    /// <summary>A marker appears more than once.</summary>
    RepeatedMarker = 4,

    /// <summary>The markers are not in the order instruction, response, end.</summary>
    MarkersOutOfOrder = 5,

    /// <summary>The modified instruction is blank.</summary>
    EmptyInstruction = 6,

    /// <summary>The response is blank.</summary>
    EmptyResponse = 7,

    /// <summary>The modified instruction equals the original (ignoring case and whitespace).</summary>
    UnchangedInstruction = 8,
}
