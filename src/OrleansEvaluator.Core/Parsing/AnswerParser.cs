namespace OrleansEvaluator.Core.Parsing;

/// <summary>Accepts any non-blank answer, trimmed. Never throws.</summary>
public static class AnswerParser
{
    /// <summary>Parses <paramref name="generated"/>.</summary>
    public static AnswerParse Parse(string generated)
    {
        ArgumentNullException.ThrowIfNull(generated);
        var answer = generated.Trim();
        return answer.Length == 0
            ? new AnswerParse(null, AnswerFailure.Empty, generated)
            : new AnswerParse(answer, AnswerFailure.None, generated);
    }
}
