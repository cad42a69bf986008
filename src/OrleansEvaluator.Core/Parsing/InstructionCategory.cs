namespace OrleansEvaluator.Core.Parsing;

/// <summary>The fixed category list of the instruction categorizer; display names in <see cref="InstructionCategories"/>.</summary>
public enum InstructionCategory
{
    /// <summary>Coding.</summary>
    Coding = 1,

    /// <summary>Mathematical reasoning.</summary>
    MathematicalReasoning = 2,

    /// <summary>Asking for Advice.</summary>
    AskingForAdvice = 3,

    /// <summary>Brainstorming.</summary>
    Brainstorming = 4,

    /// <summary>Classification.</summary>
    Classification = 5,

    /// <summary>Closed QA.</summary>
    ClosedQa = 6,

    /// <summary>Creative Writing.</summary>
    CreativeWriting = 7,

    /// <summary>Extraction.</summary>
    Extraction = 8,

    /// <summary>Inhabiting a Character/Persona.</summary>
    InhabitingACharacter = 9,

    /// <summary>Open QA.</summary>
    OpenQa = 10,

    /// <summary>Rewriting.</summary>
    Rewriting = 11,

    /// <summary>Summarization.</summary>
    Summarization = 12,

    /// <summary>Knowledge and Reasoning.</summary>
    KnowledgeAndReasoning = 13,

    /// <summary>Humanity, History or Social Studies.</summary>
    HumanityHistoryOrSocialStudies = 14,

    /// <summary>Other.</summary>
    Other = 15,
}
