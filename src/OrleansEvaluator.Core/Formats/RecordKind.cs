using OrleansEvaluator.Data;

namespace OrleansEvaluator.Core.Formats;

/// <summary>
/// The record types an artifact can hold, by the name written in its header. Names are frozen: a renamed type keeps
/// its name here; a changed layout gets a new name or a new format version.
/// </summary>
public static class RecordKind
{
    private static readonly Dictionary<Type, string> s_names = new()
    {
        [typeof(Instruction)] = "instruction",
        [typeof(PreferencePair)] = "preference-pair",
        [typeof(JudgmentSample)] = "judgment-sample",
        [typeof(AcceptedTrace)] = "accepted-trace",
        [typeof(SftExample)] = "sft-example",
        [typeof(DpoPair)] = "dpo-pair",
        [typeof(PairwiseItem)] = "pairwise-item",
        [typeof(EvaluationResult)] = "evaluation-result",
        [typeof(JudgedPrompt)] = "judged-prompt",
    };

    /// <summary>Every kind name.</summary>
    public static IReadOnlyCollection<string> Names => s_names.Values;

    /// <summary>The kind name of <typeparamref name="T"/>.</summary>
    /// <exception cref="ArgumentException">The type is not a persisted record.</exception>
    public static string Of<T>() => s_names.TryGetValue(typeof(T), out var name)
        ? name
        : throw new ArgumentException($"{typeof(T).Name} is not a persisted record type.");
}
