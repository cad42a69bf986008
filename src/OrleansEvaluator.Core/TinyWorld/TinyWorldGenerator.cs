using System.Globalization;
using OrleansEvaluator.Core.Import;
using OrleansEvaluator.Core.Parsing;
using OrleansEvaluator.Core.Prompts;
using OrleansEvaluator.Core.Sampling;
using OrleansEvaluator.Data;
using OrleansEvaluator.Generation;

namespace OrleansEvaluator.Core.TinyWorld;

/// <summary>
/// Generates a TinyWorld from its options: the instruction pool the loop works on, a held-out pairwise benchmark, and
/// seed-training examples. Everything is a function of the options (seed included); nothing depends on call order.
/// </summary>
/// <remarks>
/// Each family's instructions are split once: a seeded share is held out for the benchmark and the rest form the pool.
/// Held-out instructions never appear in the pool, in modification examples (pool instructions are modified only into
/// other pool instructions) or in judgments; the seed learns to answer them unless
/// <see cref="TinyWorldOptions.SeedAnswersHeldOut"/> is off, so the benchmark asks the judge about instructions it
/// never judged, whose answers its base model knows.
/// </remarks>
public sealed class TinyWorldGenerator
{
    /// <summary>The <see cref="Instruction.Source"/> and <see cref="PairwiseItem.Benchmark"/> of generated records.</summary>
    public const string SourceName = "tinyworld";

    /// <summary>The largest distance between the two numbers of a close-number exercise.</summary>
    public const int NearNumberDistance = 3;

    // 1 and 2 twice as often as 3: the nearest numbers are the ones the copy confuses most.
    private static readonly int[] NearDistances = [1, 1, 2, 2, NearNumberDistance];

    private readonly HashSet<TinyTask> _pool;
    private readonly Dictionary<TinyFamily, TinyTask[]> _poolByFamily = [];
    private readonly Dictionary<TinyFamily, TinyTask[]> _modifiableByFamily = [];
    private readonly Dictionary<TinyFamily, TinyTask[]> _answerableByFamily = [];
    private readonly string[] _answerValues;
    private readonly Dictionary<TinyTask, IReadOnlyList<TinyTask>> _poolNeighbours = [];

    /// <summary>Builds the world; throws <see cref="ArgumentException"/> listing every problem with the options.</summary>
    public TinyWorldGenerator(TinyWorldOptions options)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
        Rules = new TinyWorldRules(options);
        Oracle = new TinyWorldOracle(Rules);
        var pool = new List<TinyTask>();
        var heldOut = new List<TinyTask>();
        foreach (var family in Rules.Families)
        {
            var all = Rules.All(family);
            var held = (int)Math.Clamp(Math.Round(options.HeldOutFraction * all.Count), 1, all.Count - 1);
            var chosen = all.OrderBy(t => StableRandom.Hash(options.Seed, "held-out/" + t.Text))
                .ThenBy(t => t.Text, StringComparer.Ordinal).Take(held).ToHashSet();
            // Keep the rules' order within each side, so listings read naturally and do not depend on the hash order.
            heldOut.AddRange(all.Where(chosen.Contains));
            _poolByFamily[family] = [.. all.Where(t => !chosen.Contains(t))];
            _answerableByFamily[family] = options.SeedAnswersHeldOut ? [.. all] : _poolByFamily[family];
            pool.AddRange(_poolByFamily[family]);
        }
        _answerValues = [.. Rules.Families.SelectMany(f => _answerableByFamily[f]).SelectMany(t => t.CorrectAnswers).Distinct().Order(StringComparer.Ordinal)];
        PoolTasks = pool;
        HeldOutTasks = heldOut;
        _pool = [.. pool];
        foreach (var task in pool)
            _poolNeighbours[task] = [.. Rules.Neighbours(task).Where(_pool.Contains)];
        foreach (var family in Rules.Families)
            _modifiableByFamily[family] = [.. _poolByFamily[family].Where(t => _poolNeighbours[t].Count > 0)];
    }

    /// <summary>The options the world was made from.</summary>
    public TinyWorldOptions Options { get; }

    /// <summary>The world's grammar.</summary>
    public TinyWorldRules Rules { get; }

    /// <summary>Ground truth for the world's texts.</summary>
    public TinyWorldOracle Oracle { get; }

    /// <summary>The pool's tasks, by family in the options' order.</summary>
    public IReadOnlyList<TinyTask> PoolTasks { get; }

    /// <summary>The held-out tasks (benchmark only), by family in the options' order.</summary>
    public IReadOnlyList<TinyTask> HeldOutTasks { get; }

    /// <summary>The neighbours of a task that are themselves pool tasks: what seed data may write as a modified instruction.</summary>
    public IReadOnlyList<TinyTask> PoolNeighbours(TinyTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return _poolNeighbours.TryGetValue(task, out var neighbours) ? neighbours : [.. Rules.Neighbours(task).Where(_pool.Contains)];
    }

    /// <summary>The pool as instructions with content-derived ids; <see cref="Instruction.Category"/> is the family.</summary>
    public IReadOnlyList<Instruction> InstructionPool() =>
        [.. PoolTasks.Select(t => new Instruction(TextNormalizer.ContentId("tw", t.Text), t.Text, SourceName, FamilyName(t.Family)))];

    /// <summary>
    /// The held-out benchmark: for each held-out instruction, up to <see cref="TinyWorldOptions.PairsPerHeldOutInstruction"/>
    /// items whose chosen response is a right answer and whose rejected response is the answer to a different neighbour
    /// (so wrong for the instruction). <see cref="PairwiseItem.Subset"/> is the family; the order shown is left to the evaluator.
    /// </summary>
    public IReadOnlyList<PairwiseItem> Benchmark()
    {
        var items = new List<PairwiseItem>();
        foreach (var task in HeldOutTasks)
        {
            var random = StableRandom.For(Options.Seed, "benchmark/" + task.Text);
            var rejected = new HashSet<string>(StringComparer.Ordinal);
            foreach (var neighbour in Shuffle(Rules.Neighbours(task), random))
            {
                if (rejected.Count == Options.PairsPerHeldOutInstruction)
                    break;
                var answer = Pick(neighbour.CorrectAnswers, random);
                if (!rejected.Add(answer))
                    continue;
                var chosen = Pick(task.CorrectAnswers, random);
                var id = TextNormalizer.ContentId("tw", string.Join('\u0000', task.Text, chosen, answer));
                items.Add(new PairwiseItem(id, SourceName, FamilyName(task.Family), task.Text, chosen, answer, Tie: false, ChosenPosition: null));
            }
        }
        return items;
    }

    /// <summary>
    /// <see cref="TinyWorldOptions.AnsweringExamples"/> answering examples: a family at random, then an instruction of it
    /// (any, or a pool one without <see cref="TinyWorldOptions.SeedAnswersHeldOut"/>), then one of its right answers
    /// (so naming examples show many members). A <see cref="TinyWorldOptions.DocumentFraction"/> share has other answered
    /// questions, drawn the same way, before it in the user message; an <see cref="TinyWorldOptions.AfterResponsesFraction"/>
    /// share of the rest is asked in <paramref name="layout"/> (the TinyWorld judge template unless given) after two
    /// answers of other instructions of its family.
    /// </summary>
    public IEnumerable<TinyWorldExample> AnsweringExamples(AnswerPrompt prompt, JudgePrompt? layout = null)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        layout ??= TinyWorldTemplates.Judge;
        for (var i = 0; i < Options.AnsweringExamples; i++)
        {
            var random = StableRandom.For(Options.Seed, "answer/" + i.ToString(CultureInfo.InvariantCulture));
            var task = PickTask(random, _answerableByFamily);
            var rendered = prompt.Format(task.Text);
            // Without documents no draw is made, so the examples are those of a world before documents existed.
            var before = Options.DocumentFraction > 0 && random.NextDouble() < Options.DocumentFraction
                ? random.Next(1, Options.MaxQuestionsBefore + 1) : 0;
            // Drawn only when repeats are on, so that without them the examples stay those of a world before repeats.
            var repeatAt = before > 0 && Options.RepeatFraction > 0 && random.NextDouble() < Options.RepeatFraction
                ? random.Next(before) : -1;
            var repeated = repeatAt >= 0 ? Pick(task.CorrectAnswers, random) : null;
            if (before > 0)
                rendered = AfterAnsweredQuestions(rendered, before, prompt, random, repeatAt, repeated);
            // Drawn only when on, so that without it the examples stay those of a world before it existed.
            var afterResponses = before == 0 && Options.AfterResponsesFraction > 0 && random.NextDouble() < Options.AfterResponsesFraction;
            if (afterResponses)
            {
                var (first, second) = OtherAnswers(task.Family, random);
                rendered = layout.Format(task.Text, first, second);
            }
            var answer = repeated ?? Pick(task.CorrectAnswers, random);
            yield return Example(TinyExampleKind.Answer, task, rendered, answer) with
            {
                QuestionsBefore = before, AnsweredBefore = repeated is not null, AfterResponses = afterResponses,
            };
        }
    }

    /// <summary>
    /// <see cref="TinyWorldOptions.ModificationExamples"/> modification examples: a pool instruction and a right answer
    /// in the prompt; a pool neighbour and a right answer to it as the target, laid out with the markers of
    /// <see cref="ModifiedInstructionParser"/> on one line.
    /// </summary>
    public IEnumerable<TinyWorldExample> ModificationExamples(ModifiedInstructionPrompt prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        for (var i = 0; i < Options.ModificationExamples; i++)
        {
            var random = StableRandom.For(Options.Seed, "modify/" + i.ToString(CultureInfo.InvariantCulture));
            var task = PickTask(random, _modifiableByFamily);
            var neighbour = Pick(PoolNeighbours(task), random);
            yield return Example(TinyExampleKind.Modify, task, prompt.Format(task.Text, Pick(task.CorrectAnswers, random)),
                ModificationTarget(neighbour.Text, Pick(neighbour.CorrectAnswers, random)));
        }
    }

    /// <summary>
    /// Stated-answer exercises in the judge's layout: the judge prompt of a pool instruction, then a stated answer that is
    /// one of its two responses picked at random; the target is that response's label (<c>answer: 4 [[A]] answer: 7
    /// [[B]] question: smaller 4 or 7 answer: 7</c> → <c>[[B]]</c>). Exercise i restates ground-truth judgment i's
    /// instruction, so beside as many judgments each judgment has a twin whose verdict follows a stated answer: half
    /// keep its responses and order (the same prompt), half show two different answers drawn from the whole world
    /// instead (held-out instructions' answers too, so the copy is practised on every value a judge may meet). Which
    /// response is stated does not depend on which is right, so the rows say nothing about which is better: they teach
    /// only that a verdict names the response equal to the judge's own answer, a copy that judge training on pool
    /// judgments alone learned only for the values it saw.
    /// </summary>
    public IEnumerable<TinyWorldExample> LookupExamples(JudgePrompt prompt, int count)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        for (var i = 0; i < count; i++)
        {
            var (task, first, second) = JudgmentDraw(i);
            var random = StableRandom.For(Options.Seed, "lookup/" + i.ToString(CultureInfo.InvariantCulture));
            if (random.Next(2) == 0 && _answerValues.Length >= 2)
            {
                first = Pick(_answerValues, random);
                do
                    second = Pick(_answerValues, random);
                while (second == first);
            }
            yield return StatedAnswerExample(prompt, task, first, second, random);
        }
    }

    /// <summary>
    /// Close-number exercises: stated-answer exercises (<see cref="LookupExamples"/>) whose two responses are numbers
    /// 1 to <see cref="NearNumberDistance"/> apart (<c>answer: 13 [[A]] answer: 14 [[B]] question: … answer: 14</c> →
    /// <c>[[B]]</c>). A judge whose copy has formed still confuses close numbers, which the seed's successor and
    /// comparison skills keep close together; these rows practise telling them apart. Exercise i asks judgment i's
    /// instruction; the first number is uniform over the world's numbers, a distance of 1 or 2 is drawn twice as often
    /// as 3, and its sign, the order shown and the response stated are each a coin toss, so the rows carry no preference.
    /// </summary>
    public IEnumerable<TinyWorldExample> NearNumberExamples(JudgePrompt prompt, int count)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        for (var i = 0; i < count; i++)
        {
            var (task, _, _) = JudgmentDraw(i);
            var random = StableRandom.For(Options.Seed, "near/" + i.ToString(CultureInfo.InvariantCulture));
            var x = random.Next(Rules.MaxNumber + 1);
            var distance = NearDistances[random.Next(NearDistances.Length)];
            var up = random.Next(2) == 0;
            // At the world's edges the step goes the other way; a distance neither way fits (MaxNumber 4, x = 2) shrinks.
            if (up ? x + distance > Rules.MaxNumber : x - distance < 0)
                up = !up;
            distance = Math.Min(distance, up ? Rules.MaxNumber - x : x);
            var y = up ? x + distance : x - distance;
            var (first, second) = random.Next(2) == 0 ? (x, y) : (y, x);
            yield return StatedAnswerExample(prompt, task, Number(first), Number(second), random);
        }
    }

    // Two different right answers of instructions of the family (any answerable one, the asked one included, so the
    // asked one's answer shows only as often as chance puts it there); the same twice only when the family has one answer.
    private (string First, string Second) OtherAnswers(TinyFamily family, Random random)
    {
        var tasks = _answerableByFamily[family];
        var first = Pick(Pick(tasks, random).CorrectAnswers, random);
        for (var attempt = 0; attempt < 16; attempt++)
        {
            var second = Pick(Pick(tasks, random).CorrectAnswers, random);
            if (second != first)
                return (first, second);
        }
        return (first, first);
    }

    // The judge prompt with one of its responses, picked by a coin toss, stated after it; that response's label as target.
    private static TinyWorldExample StatedAnswerExample(JudgePrompt prompt, TinyTask task, string first, string second, Random random)
    {
        var statedFirst = random.Next(2) == 0;
        var rendered = prompt.Format(task.Text, first, second);
        rendered = WithUserText(rendered, rendered[^1].Content + " " + (statedFirst ? first : second));
        return Example(TinyExampleKind.Lookup, task, rendered, statedFirst ? VerdictParser.MarkerA : VerdictParser.MarkerB);
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Ground-truth judgments on pool instructions (right answer against a pool neighbour's answer, the right one shown
    /// first or second at random), for checking that judge fine-tuning can learn the verdict before running the loop.
    /// With <paramref name="reasoning"/> the judgment first states the right answer (<c>8 [[A]]</c>: the seed itself
    /// writes its answer after the judge prompt), then the verdict; without, it is the verdict alone.
    /// </summary>
    public IEnumerable<TinyWorldExample> JudgmentExamples(JudgePrompt prompt, int count, bool reasoning = true)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        for (var i = 0; i < count; i++)
        {
            var (task, first, second) = JudgmentDraw(i);
            var rightFirst = task.IsCorrect(first);
            var verdict = rightFirst ? VerdictParser.MarkerA : VerdictParser.MarkerB;
            var target = reasoning ? $"{(rightFirst ? first : second)} {verdict}" : verdict;
            yield return Example(TinyExampleKind.Judge, task, prompt.Format(task.Text, first, second), target);
        }
    }

    // Judgment i's instruction and responses in the order shown: a pool instruction's right answer and a pool
    // neighbour's answer (never right for it), the right one first or second at random.
    private (TinyTask Task, string First, string Second) JudgmentDraw(int i)
    {
        var random = StableRandom.For(Options.Seed, "judge/" + i.ToString(CultureInfo.InvariantCulture));
        var task = PickTask(random, _modifiableByFamily);
        var right = Pick(task.CorrectAnswers, random);
        var wrong = Pick(Pick(PoolNeighbours(task), random).CorrectAnswers, random);
        return random.Next(2) == 0 ? (task, right, wrong) : (task, wrong, right);
    }

    /// <summary>The modification output for a modified instruction and its answer, on one line.</summary>
    public static string ModificationTarget(string modifiedInstruction, string answer) =>
        $"{ModifiedInstructionParser.InstructionMarker} {modifiedInstruction} {ModifiedInstructionParser.ResponseMarker} {answer} {ModifiedInstructionParser.EndMarker}";

    /// <summary>The family as written in records: lower case (<c>successor</c>).</summary>
    public static string FamilyName(TinyFamily family) => family.ToString().ToLowerInvariant();

    // A family first, then a task in it: the comparison family has fifty times as many instructions as naming, and the
    // seed should practise every family about equally.
    private TinyTask PickTask(Random random, Dictionary<TinyFamily, TinyTask[]> byFamily)
    {
        var families = Rules.Families.Where(f => byFamily[f].Length > 0).ToList();
        return Pick(byFamily[Pick(families, random)], random);
    }

    private static TinyWorldExample Example(TinyExampleKind kind, TinyTask task, IReadOnlyList<ChatMessage> prompt, string target)
    {
        var key = string.Join('\u0000', [kind.ToString(), .. prompt.Select(m => m.Role + ":" + m.Content), target]);
        return new TinyWorldExample(TextNormalizer.ContentId("tw-" + kind.ToString().ToLowerInvariant(), key), kind, task.Family,
            task.Text, prompt, target);
    }

    // The questions before it are rendered by the same template and answered right, so the document reads as the seed
    // would write it.
    // The k-th question before is the asked one itself, answered with `repeated`, when k == repeatAt.
    private IReadOnlyList<ChatMessage> AfterAnsweredQuestions(IReadOnlyList<ChatMessage> rendered, int count, AnswerPrompt prompt, Random random,
        int repeatAt, string? repeated)
    {
        var before = new System.Text.StringBuilder();
        for (var k = 0; k < count; k++)
        {
            if (k == repeatAt)
            {
                before.Append(rendered[^1].Content).Append(' ').Append(repeated).Append(' ');
                continue;
            }
            var other = PickTask(random, _answerableByFamily);
            before.Append(prompt.Format(other.Text)[^1].Content).Append(' ').Append(Pick(other.CorrectAnswers, random)).Append(' ');
        }
        return WithUserText(rendered, before + rendered[^1].Content);
    }

    // The rendered messages with the last one (the user's) holding other text.
    private static IReadOnlyList<ChatMessage> WithUserText(IReadOnlyList<ChatMessage> rendered, string text) =>
        [.. rendered.Take(rendered.Count - 1), rendered[^1] with { Content = text }];

    private static T Pick<T>(IReadOnlyList<T> items, Random random) => items[random.Next(items.Count)];

    private static List<T> Shuffle<T>(IReadOnlyList<T> items, Random random)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
        return list;
    }
}
