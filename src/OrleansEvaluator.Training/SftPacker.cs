using OrleansEvaluator.Data;

namespace OrleansEvaluator.Training;

/// <summary>
/// Packs SFT examples into training windows: many short examples per window, each its own segment (block-diagonal
/// attention, positions from 0), loss on the answer tokens and the closing end token only when the example asks
/// for answer-only loss. Examples are shuffled with the run's seed and placed first-fit, so the same seed gives the
/// same windows.
/// </summary>
public static class SftPacker
{
    /// <summary>Tokenizes text: (text, add beginning-of-sequence) → token ids.</summary>
    public delegate int[] Tokenize(string text, bool addBos);

    /// <summary>Packs the examples into windows of <paramref name="contextLength"/> predictions.</summary>
    /// <exception cref="ArgumentException">An example is empty or longer than a window; the message names its id and lengths.</exception>
    public static IReadOnlyList<TrainingWindow> Pack(IReadOnlyList<SftExample> examples, Tokenize tokenize, int endToken, int contextLength, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(tokenize);
        if (examples.Count == 0)
            throw new ArgumentException("examples: the training set is empty.", nameof(examples));
        var slots = contextLength + 1;
        var encoded = new List<(int[] Tokens, bool[] Answer)>(examples.Count);
        foreach (var example in examples)
        {
            int[] prompt, target;
            try
            {
                prompt = tokenize(example.Prompt, true);
                target = tokenize(example.Target, false);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"Example '{example.Id}': {e.Message}", nameof(examples), e);
            }
            if (target.Length == 0)
                throw new ArgumentException($"Example '{example.Id}': the target is empty.", nameof(examples));
            var tokens = prompt.Concat(target).Append(endToken).ToArray();
            if (tokens.Length > slots)
            {
                throw new ArgumentException(
                    $"Example '{example.Id}': {tokens.Length} tokens (prompt {prompt.Length}, target {target.Length}, end 1) do not fit a window of {slots}; raise the context length or shorten it.",
                    nameof(examples));
            }
            var answer = tokens.Select((_, i) => !example.AnswerOnlyLoss || i >= prompt.Length).ToArray();
            encoded.Add((tokens, answer));
        }

        var order = Enumerable.Range(0, encoded.Count).ToArray();
        new Random(unchecked((int)seed ^ (int)(seed >> 32))).Shuffle(order);
        var bins = new List<List<int>>();
        var free = new List<int>();
        foreach (var index in order)
        {
            var length = encoded[index].Tokens.Length;
            var bin = free.FindIndex(f => f >= length);
            if (bin < 0)
            {
                bins.Add([]);
                free.Add(slots);
                bin = bins.Count - 1;
            }
            bins[bin].Add(index);
            free[bin] -= length;
        }
        return bins.Select(b => Window(b, encoded, contextLength, endToken)).ToArray();
    }

    private static TrainingWindow Window(List<int> members, List<(int[] Tokens, bool[] Answer)> encoded, int contextLength, int padToken)
    {
        var tokens = new int[contextLength + 1];
        var answer = new bool[contextLength + 1];
        var segmentOfToken = new int[contextLength + 1];
        var positionOfToken = new int[contextLength + 1];
        var at = 0;
        for (var s = 0; s < members.Count; s++)
        {
            var (t, a) = encoded[members[s]];
            for (var i = 0; i < t.Length; i++, at++)
            {
                tokens[at] = t[i];
                answer[at] = a[i];
                segmentOfToken[at] = s;
                positionOfToken[at] = i;
            }
        }
        // Padding is a segment of its own and is never a target.
        for (var p = 0; at < tokens.Length; at++, p++)
        {
            tokens[at] = padToken;
            segmentOfToken[at] = members.Count;
            positionOfToken[at] = p;
        }
        var targets = new bool[contextLength];
        for (var i = 0; i < contextLength; i++)
            targets[i] = segmentOfToken[i] == segmentOfToken[i + 1] && segmentOfToken[i] < members.Count && answer[i + 1];
        return new TrainingWindow(tokens, targets, positionOfToken[..contextLength], segmentOfToken[..contextLength]);
    }
}
