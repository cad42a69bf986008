using System.Globalization;

namespace OrleansEvaluator.Inference.Grammars;

/// <summary>
/// GBNF that forces the pair-construction layout: the modified-instruction marker, the new instruction, the response
/// marker, the response, the end marker, separated by a line break or a space (compact one-line layouts). Neither
/// text may contain '[' (so no marker can be forged inside it), and
/// their lengths are bounded so the end marker always fits inside the token budget.
/// </summary>
public static class ModifiedInstructionGrammar
{
    /// <summary>Tokens the three markers, their line breaks and the end token may take at most (one per character).</summary>
    public const int ReservedTokens = 48;

    /// <summary>The grammar for a completion of at most <paramref name="maxTokens"/> new tokens.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Too few tokens for the markers and two short texts.</exception>
    public static string ForMaxTokens(int maxTokens)
    {
        if (maxTokens < ReservedTokens + 6)
        {
            throw new ArgumentOutOfRangeException(nameof(maxTokens), maxTokens,
                $"MaxTokens must be at least {ReservedTokens + 6} for the pair layout (the markers need up to {ReservedTokens} tokens).");
        }
        var room = maxTokens - ReservedTokens;
        var instruction = room / 3;
        var response = room - instruction;
        return string.Create(CultureInfo.InvariantCulture, $$"""
            root ::= "[[MODIFIED INSTRUCTION]]" sep instruction sep "[[RESPONSE]]" sep response sep "[[END]]"
            sep ::= " " | "\n"
            instruction ::= [^\[ \t\n] [^\[\n]{0,{{instruction - 1}}}
            response ::= [^\[ \t\n] [^\[]{0,{{response - 1}}}
            """);
    }
}
