namespace OrleansEvaluator.Core.Import;

/// <summary>The input files <c>oeval data check</c> recognizes.</summary>
public enum DataFileKind
{
    /// <summary>Not recognized.</summary>
    Unknown = 0,

    /// <summary>Instructions: <c>instruction</c>, OpenAI <c>messages</c>, ShareGPT <c>conversations</c> or WildChat <c>conversation</c>.</summary>
    Instructions,

    /// <summary>Human-labelled pairs: <c>prompt</c>, <c>chosen</c>, <c>rejected</c> (ties flagged).</summary>
    Pairwise,

    /// <summary>Single responses with a human label (XSTest): <c>prompt</c>, <c>response</c>, <c>human_label</c>.</summary>
    LabelledResponses,

    /// <summary>MT-Bench style questions: <c>question_id</c>, <c>turns</c>.</summary>
    Questions,

    /// <summary>FastChat answers: <c>question_id</c>, <c>choices[].turns</c>.</summary>
    ModelAnswers,

    /// <summary>FastChat judge prompts: <c>name</c>, <c>system_prompt</c>, <c>prompt_template</c>.</summary>
    JudgePrompts,

    /// <summary>RewardBench scoring constants (a JSON file with <c>EXAMPLE_COUNTS</c> and <c>SUBSET_MAPPING</c>).</summary>
    RewardBenchScoring,
}
