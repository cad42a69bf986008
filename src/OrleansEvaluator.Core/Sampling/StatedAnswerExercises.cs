using System.Globalization;
using OrleansEvaluator.Core.Import;
using OrleansEvaluator.Core.Parsing;
using OrleansEvaluator.Core.Prompts;
using OrleansEvaluator.Data;
using OrleansEvaluator.Generation;

namespace OrleansEvaluator.Core.Sampling;

/// <summary>
/// Label-free exercises built from an iteration's own judge prompts: a judge prompt, then one of the two responses it
/// shows stated after it as if the judge had written it, and that response's verdict label as the target
/// (<c>answer: 4 [[A]] answer: 7 [[B]] question: smaller 4 or 7 answer: 7</c> → <c>[[B]]</c>).
/// </summary>
/// <remarks>
/// Which response is stated is a coin toss, so a row says nothing about which response is better and needs no label:
/// it teaches only that a verdict names the response equal to what the judge itself stated. A judge that writes its own
/// answer before its verdict needs that copy, and a small judge does not learn it from a thousand judgments alone
/// (TinyWorld, 1,200 ground-truth judgments: 55.8% held-out beside rows restating their own prompts, 94.7% beside 18k
/// rows half of which showed other responses). So half the rows keep a prompt's own responses and order; the other half show
/// two different responses drawn from the iteration's good answers (every pair's chosen response) instead, re-rendered
/// with the judge template. Drawn from every response, the TinyWorld judge met the modified instructions' odd outputs
/// (<c>9 or 8 or 8</c>) as often as answers and reached 53.7% held-out after one iteration; drawn from good answers, 58.9%.
/// </remarks>
public static class StatedAnswerExercises
{
    /// <summary>
    /// <paramref name="count"/> exercises (fewer only when a drawn prompt offers two equal responses and the pairs fewer
    /// than two different ones), drawn with replacement from the usable <paramref name="prompts"/> by
    /// <paramref name="seed"/> and <paramref name="iteration"/>. A prompt is usable when its pair is in
    /// <paramref name="pairs"/> and its text contains each message <paramref name="judge"/> renders for it (the engine
    /// wraps messages in the model's chat template but keeps their text); rows are then built by replacing those
    /// messages' text, so no chat template is needed here.
    /// </summary>
    public static StatedAnswerExerciseSet Build(IReadOnlyList<JudgedPrompt> prompts, IReadOnlyList<PreferencePair> pairs,
        JudgePrompt judge, int count, ulong seed, int iteration)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(judge);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var byId = new Dictionary<string, PreferencePair>(StringComparer.Ordinal);
        foreach (var pair in pairs)
            byId.TryAdd(pair.Id, pair);
        var usable = new List<(JudgedPrompt Prompt, PreferencePair Pair, IReadOnlyList<ChatMessage> Messages)>();
        foreach (var prompt in prompts.OrderBy(p => p.PairId, StringComparer.Ordinal).ThenBy(p => p.Order))
        {
            if (!byId.TryGetValue(prompt.PairId, out var pair))
                continue;
            var messages = judge.Format(pair, prompt.Order);
            if (messages.All(m => prompt.Prompt.Contains(m.Content, StringComparison.Ordinal)))
                usable.Add((prompt, pair, messages));
        }
        var unusable = prompts.Count - usable.Count;
        if (count == 0 || usable.Count == 0)
            return new StatedAnswerExerciseSet([], usable.Count, unusable);
        string[] values = [.. pairs.Select(p => p.Chosen).Select(UntrustedText.Inline)
            .Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        var rows = new List<SftExample>(count);
        for (var i = 0; i < count; i++)
        {
            var random = StableRandom.For(seed, string.Create(CultureInfo.InvariantCulture, $"exercise|{iteration}|{i}"));
            var (prompt, pair, messages) = usable[random.Next(usable.Count)];
            var text = prompt.Prompt;
            var (a, b) = prompt.Order == PresentationOrder.ChosenFirst ? (pair.Chosen, pair.Rejected) : (pair.Rejected, pair.Chosen);
            (a, b) = (UntrustedText.Inline(a), UntrustedText.Inline(b));
            if (random.Next(2) == 0 || a == b)
            {
                if (values.Length < 2)
                    continue;
                a = values[random.Next(values.Length)];
                do
                    b = values[random.Next(values.Length)];
                while (b == a);
                text = Replace(text, messages, judge.Format(pair.Instruction, a, b));
            }
            var statedA = random.Next(2) == 0;
            var stated = (text.Length > 0 && char.IsWhiteSpace(text[^1]) ? "" : " ") + (statedA ? a : b);
            var target = statedA ? VerdictParser.MarkerA : VerdictParser.MarkerB;
            rows.Add(new SftExample(TextNormalizer.ContentId("exercise", text + stated + "\u0000" + target), text + stated, target, AnswerOnlyLoss: true));
        }
        return new StatedAnswerExerciseSet(rows, usable.Count, unusable);
    }

    // The prompt with each rendered message's text replaced by its re-rendered text (last occurrence: a chat template
    // writes the messages after anything of its own, and the user message last).
    private static string Replace(string text, IReadOnlyList<ChatMessage> from, IReadOnlyList<ChatMessage> to)
    {
        for (var m = from.Count - 1; m >= 0; m--)
        {
            if (from[m].Content == to[m].Content)
                continue;
            var at = text.LastIndexOf(from[m].Content, StringComparison.Ordinal);
            text = string.Concat(text.AsSpan(0, at), to[m].Content, text.AsSpan(at + from[m].Content.Length));
        }
        return text;
    }
}
