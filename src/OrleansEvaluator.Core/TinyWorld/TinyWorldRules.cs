using System.Globalization;

namespace OrleansEvaluator.Core.TinyWorld;

/// <summary>
/// The grammar of one TinyWorld: every task it holds, the task an instruction text denotes, and the modified-instruction
/// neighbours of a task. Pure and deterministic; every random choice is the generator's.
/// </summary>
/// <remarks>
/// Surface forms, one space between words: <c>repeat cat</c>, <c>after 7</c>, <c>before 7</c>, <c>name a fruit</c>,
/// <c>name an insect</c>, <c>bigger 3 or 8</c>, <c>smaller 3 or 8</c>. Numbers are digits: a SentencePiece vocabulary
/// holding each number from 0 to <see cref="MaxNumber"/> as a piece reads each as one token.
/// </remarks>
public sealed class TinyWorldRules
{
    private readonly Dictionary<string, string> _categoryOfWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<string>> _members = new(StringComparer.Ordinal);

    /// <summary>Builds the rules for <paramref name="options"/>; throws <see cref="ArgumentException"/> listing every problem.</summary>
    public TinyWorldRules(TinyWorldOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
            throw new ArgumentException("Invalid TinyWorld options: " + string.Join(" ", problems), nameof(options));
        Families = [.. options.Families];
        MaxNumber = options.MaxNumber;
        Categories = [.. TinyWorldLexicon.Categories.Take(options.CategoryCount).Select(c => c.Name)];
        foreach (var (name, members) in TinyWorldLexicon.Categories.Take(options.CategoryCount))
        {
            _members[name] = members;
            foreach (var member in members)
                _categoryOfWord.Add(member, name);
        }
    }

    /// <summary>The families in this world, in the options' order.</summary>
    public IReadOnlyList<TinyFamily> Families { get; }

    /// <summary>The largest number.</summary>
    public int MaxNumber { get; }

    /// <summary>The category names in use.</summary>
    public IReadOnlyList<string> Categories { get; }

    /// <summary>The members of a category in use.</summary>
    public IReadOnlyList<string> MembersOf(string category) => _members[category];

    /// <summary>Every task of <paramref name="family"/>, in a fixed order (empty for a family not in the world).</summary>
    public IReadOnlyList<TinyTask> All(TinyFamily family)
    {
        if (!Families.Contains(family))
            return [];
        var tasks = new List<TinyTask>();
        switch (family)
        {
            case TinyFamily.Repeat:
                tasks.AddRange(Categories.SelectMany(c => _members[c]).Select(Repeat));
                break;
            case TinyFamily.Successor:
                for (var n = 0; n <= MaxNumber; n++)
                {
                    if (Step(TinyWorldLexicon.AfterWord, n) is { } after)
                        tasks.Add(after);
                    if (Step(TinyWorldLexicon.BeforeWord, n) is { } before)
                        tasks.Add(before);
                }
                break;
            case TinyFamily.Category:
                tasks.AddRange(Categories.Select(Name));
                break;
            case TinyFamily.Comparison:
                for (var a = 0; a <= MaxNumber; a++)
                    for (var b = 0; b <= MaxNumber; b++)
                        if (a != b)
                        {
                            tasks.Add(Compare(TinyWorldLexicon.BiggerWord, a, b)!);
                            tasks.Add(Compare(TinyWorldLexicon.SmallerWord, a, b)!);
                        }
                break;
        }
        return tasks;
    }

    /// <summary>
    /// The task <paramref name="text"/> denotes in this world, or null when it is not one of its instructions. Words may
    /// be separated by any whitespace; numbers must be written as this world writes them (<c>7</c>, not <c>07</c>).
    /// </summary>
    public TinyTask? Parse(string? text)
    {
        if (text is null)
            return null;
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var task = words switch
        {
            [TinyWorldLexicon.RepeatWord, var word] when _categoryOfWord.ContainsKey(word) => Repeat(word),
            [TinyWorldLexicon.AfterWord or TinyWorldLexicon.BeforeWord, var n] when Number(n) is { } value => Step(words[0], value),
            [TinyWorldLexicon.NameWord, var article, var category]
                when _members.ContainsKey(category) && article == TinyWorldLexicon.Article(category) => Name(category),
            [TinyWorldLexicon.BiggerWord or TinyWorldLexicon.SmallerWord, var a, TinyWorldLexicon.OrWord, var b]
                when Number(a) is { } x && Number(b) is { } y => Compare(words[0], x, y),
            _ => null,
        };
        return task is not null && Families.Contains(task.Family) ? task : null;
    }

    /// <summary>
    /// The modified-instruction neighbours of <paramref name="task"/>: same family, a nearby different argument, in a fixed
    /// order. A neighbour is listed only if none of its right answers is right for <paramref name="task"/>, so its answer
    /// always makes a truly worse response to the original.
    /// </summary>
    public IReadOnlyList<TinyTask> Neighbours(TinyTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var words = task.Text.Split(' ');
        IEnumerable<TinyTask?> candidates = task.Family switch
        {
            TinyFamily.Repeat => _members[_categoryOfWord[words[1]]].Where(w => w != words[1]).Select(Repeat),
            TinyFamily.Successor => SuccessorNeighbours(words[0], int.Parse(words[1], CultureInfo.InvariantCulture)),
            TinyFamily.Category => Categories.Where(c => c != words[2]).Select(Name),
            TinyFamily.Comparison => ComparisonNeighbours(words[0],
                int.Parse(words[1], CultureInfo.InvariantCulture), int.Parse(words[3], CultureInfo.InvariantCulture)),
            _ => [],
        };
        return [.. candidates.OfType<TinyTask>().Distinct().Where(n => n != task && !n.CorrectAnswers.Any(task.IsCorrect))];
    }

    private IEnumerable<TinyTask?> SuccessorNeighbours(string direction, int n)
    {
        var other = direction == TinyWorldLexicon.AfterWord ? TinyWorldLexicon.BeforeWord : TinyWorldLexicon.AfterWord;
        foreach (var delta in new[] { -2, -1, 1, 2 })
            yield return Step(direction, n + delta);
        foreach (var delta in new[] { -1, 0, 1 })
            yield return Step(other, n + delta);
    }

    private IEnumerable<TinyTask?> ComparisonNeighbours(string direction, int a, int b)
    {
        yield return Compare(direction == TinyWorldLexicon.BiggerWord ? TinyWorldLexicon.SmallerWord : TinyWorldLexicon.BiggerWord, a, b);
        foreach (var delta in new[] { -2, -1, 1, 2 })
        {
            yield return Compare(direction, a + delta, b);
            yield return Compare(direction, a, b + delta);
        }
    }

    private static TinyTask Repeat(string word) => new(TinyFamily.Repeat, $"{TinyWorldLexicon.RepeatWord} {word}", [word]);

    private TinyTask Name(string category) =>
        new(TinyFamily.Category, $"{TinyWorldLexicon.NameWord} {TinyWorldLexicon.Article(category)} {category}", _members[category]);

    // after n needs n + 1 ≤ MaxNumber and before n needs n ≥ 1, so every answer is itself a number of the world.
    private TinyTask? Step(string direction, int n)
    {
        var answer = direction == TinyWorldLexicon.AfterWord ? n + 1 : n - 1;
        return InRange(n) && InRange(answer) ? new TinyTask(TinyFamily.Successor, $"{direction} {Digits(n)}", [Digits(answer)]) : null;
    }

    private TinyTask? Compare(string direction, int a, int b)
    {
        if (!InRange(a) || !InRange(b) || a == b)
            return null;
        var answer = direction == TinyWorldLexicon.BiggerWord ? Math.Max(a, b) : Math.Min(a, b);
        return new TinyTask(TinyFamily.Comparison, $"{direction} {Digits(a)} {TinyWorldLexicon.OrWord} {Digits(b)}", [Digits(answer)]);
    }

    private bool InRange(int n) => n >= 0 && n <= MaxNumber;

    private static string Digits(int n) => n.ToString(CultureInfo.InvariantCulture);

    private int? Number(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && Digits(n) == text && InRange(n) ? n : null;
}
