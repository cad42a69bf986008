using OrleansEvaluator.Core.Formats;
using OrleansEvaluator.Data;

namespace OrleansEvaluator.Core.Sampling;

/// <summary>
/// Replay: rows of the seed's own training data mixed into an iteration's judgments, so that training the judge does
/// not make it forget what it judges with (its answers to instructions it never judged).
/// </summary>
public static class ReplaySet
{
    /// <summary>Reads SFT JSONL; a malformed line stops the read naming the file and line, and an empty set is an error.</summary>
    /// <exception cref="DataFormatException">A line is not an SFT row, or the file holds none.</exception>
    public static IReadOnlyList<SftExample> Read(TextReader reader, string fileName) =>
        NotEmpty(JsonlFile.Read<SftExample>(reader, fileName, MalformedLinePolicy.Fail).Records, fileName);

    /// <summary>Reads an SFT JSONL file; see <see cref="Read(TextReader, string)"/>.</summary>
    public static IReadOnlyList<SftExample> Read(string path) =>
        NotEmpty(JsonlFile.Read<SftExample>(path, MalformedLinePolicy.Fail).Records, path);

    /// <summary>
    /// How many replay rows make <paramref name="fraction"/> of a training set of <paramref name="trainingRows"/> rows
    /// plus them.
    /// </summary>
    public static int Count(int trainingRows, double fraction) =>
        fraction <= 0 ? 0 : (int)Math.Round(trainingRows * fraction / (1 - fraction));

    /// <summary>
    /// The training rows followed by <see cref="Count"/> replay rows, drawn without repeats while the replay set lasts
    /// (a seeded order per <paramref name="draw"/>, so each iteration replays different rows).
    /// </summary>
    public static IReadOnlyList<SftExample> Mix(IReadOnlyList<SftExample> training, IReadOnlyList<SftExample> replay, double fraction, ulong seed, int draw)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(replay);
        if (double.IsNaN(fraction) || fraction is < 0 or >= 1)
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "Replay fraction must be in [0, 1).");
        var count = Count(training.Count, fraction);
        if (count == 0 || replay.Count == 0)
            return training;
        var order = Enumerable.Range(0, replay.Count).OrderBy(i => StableRandom.Hash(seed, $"replay|{draw}|{i}")).ToArray();
        return [.. training, .. Enumerable.Range(0, count).Select(k => replay[order[k % order.Length]])];
    }

    private static IReadOnlyList<SftExample> NotEmpty(IReadOnlyList<SftExample> rows, string fileName) =>
        rows.Count > 0 ? rows : throw new DataFormatException($"{fileName}: the replay file holds no rows.");
}
