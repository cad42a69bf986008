namespace OrleansEvaluator.Core.Parsing;

/// <summary>The categorizer's five-step scale for how long a good answer would be.</summary>
public enum AnswerLength
{
    /// <summary>One sentence.</summary>
    OneSentence = 1,

    /// <summary>A few sentences.</summary>
    FewSentences = 2,

    /// <summary>One paragraph.</summary>
    OneParagraph = 3,

    /// <summary>Two paragraphs.</summary>
    TwoParagraphs = 4,

    /// <summary>Three or more paragraphs.</summary>
    ThreeOrMoreParagraphs = 5,
}
