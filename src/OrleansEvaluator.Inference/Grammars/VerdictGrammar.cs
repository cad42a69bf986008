using System.Globalization;

namespace OrleansEvaluator.Inference.Grammars;

/// <summary>
/// GBNF that forces a judgment to be free-form reasoning followed by exactly one verdict, <c>[[A]]</c> or
/// <c>[[B]]</c>, and then the end. The reasoning may not contain '[', so no second verdict can appear in it, and
/// its length is bounded so the verdict always fits inside the token budget.
/// </summary>
public static class VerdictGrammar
{
    /// <summary>The name used on the command line (<c>--grammar verdict</c>).</summary>
    public const string Name = "verdict";

    /// <summary>Tokens the verdict and the end token may take at most: five characters, one token each, plus the end.</summary>
    public const int ReservedTokens = 6;

    /// <summary>The grammar for a sample of at most <paramref name="maxTokens"/> new tokens.</summary>
    /// <exception cref="ArgumentOutOfRangeException">There is no room for a verdict.</exception>
    public static string ForMaxTokens(int maxTokens)
    {
        if (maxTokens <= ReservedTokens)
        {
            throw new ArgumentOutOfRangeException(nameof(maxTokens), maxTokens,
                $"MaxTokens must exceed {ReservedTokens} for the verdict grammar (the verdict needs up to {ReservedTokens} tokens).");
        }
        // Every token carries at least one character, so a reasoning of at most this many characters ends in time.
        var reasoningChars = maxTokens - ReservedTokens;
        return string.Create(CultureInfo.InvariantCulture, $"""
            root ::= reasoning verdict
            reasoning ::= [^\[]{"{"}0,{reasoningChars}{"}"}
            verdict ::= "[[" ("A" | "B") "]]"
            """);
    }
}
