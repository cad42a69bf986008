namespace OrleansEvaluator.Core.Parsing;

/// <summary>
/// Reads the two parts of a pair-construction output, laid out as <see cref="InstructionMarker"/>, the modified
/// instruction, <see cref="ResponseMarker"/>, the response, <see cref="EndMarker"/>. Never throws.
/// </summary>
/// <remarks>
/// Markers are matched ignoring case, anywhere in the text; <c>*</c> right next to a marker
/// (<c>**[[RESPONSE]]**</c>) is dropped. Each must appear exactly once and in order; text before the first and after the last
/// is ignored; each part is trimmed and must not be blank.
/// </remarks>
public static class ModifiedInstructionParser
{
    /// <summary>Opens the modified instruction.</summary>
    public const string InstructionMarker = "[[MODIFIED INSTRUCTION]]";

    /// <summary>Ends the modified instruction and opens the response to it.</summary>
    public const string ResponseMarker = "[[RESPONSE]]";

    /// <summary>Ends the response.</summary>
    public const string EndMarker = "[[END]]";

    /// <summary>Parses <paramref name="generated"/>; when <paramref name="originalInstruction"/> is given, an unchanged instruction fails.</summary>
    public static ModifiedInstructionParse Parse(string generated, string? originalInstruction = null)
    {
        ArgumentNullException.ThrowIfNull(generated);
        var instruction = Find(generated, InstructionMarker);
        var response = Find(generated, ResponseMarker);
        var end = Find(generated, EndMarker);
        var failure =
            instruction.Count > 1 || response.Count > 1 || end.Count > 1 ? ModifiedInstructionFailure.RepeatedMarker
            : instruction.Count == 0 ? ModifiedInstructionFailure.MissingInstructionMarker
            : response.Count == 0 ? ModifiedInstructionFailure.MissingResponseMarker
            : end.Count == 0 ? ModifiedInstructionFailure.MissingEndMarker
            : !(instruction.End <= response.Start && response.End <= end.Start) ? ModifiedInstructionFailure.MarkersOutOfOrder
            : ModifiedInstructionFailure.None;
        if (failure != ModifiedInstructionFailure.None)
            return Fail(failure, generated);

        var modified = Part(generated, instruction.End, response.Start);
        var answer = Part(generated, response.End, end.Start);
        if (modified.Length == 0)
            return Fail(ModifiedInstructionFailure.EmptyInstruction, generated);
        if (answer.Length == 0)
            return Fail(ModifiedInstructionFailure.EmptyResponse, generated);
        if (originalInstruction is not null && Normalize(originalInstruction) == Normalize(modified))
            return Fail(ModifiedInstructionFailure.UnchangedInstruction, generated);
        return new ModifiedInstructionParse(modified, answer, ModifiedInstructionFailure.None, generated);
    }

    /// <summary>How often <paramref name="marker"/> occurs, and the span of its first occurrence.</summary>
    private static (int Count, int Start, int End) Find(string text, string marker)
    {
        var first = text.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
        var count = 0;
        for (var at = first; at >= 0; at = text.IndexOf(marker, at + marker.Length, StringComparison.OrdinalIgnoreCase))
            count++;
        return (count, first, first + marker.Length);
    }

    /// <summary>The text between two markers, without the <c>*</c> that touch them (<c>**[[RESPONSE]]**</c>), trimmed.</summary>
    private static string Part(string text, int start, int end)
    {
        while (start < end && text[start] == '*')
            start++;
        while (end > start && text[end - 1] == '*')
            end--;
        return text[start..end].Trim();
    }

    private static string Normalize(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();

    private static ModifiedInstructionParse Fail(ModifiedInstructionFailure failure, string raw) => new(null, null, failure, raw);
}
