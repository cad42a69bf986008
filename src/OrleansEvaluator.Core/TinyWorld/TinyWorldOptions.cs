namespace OrleansEvaluator.Core.TinyWorld;

/// <summary>The shape of a generated TinyWorld: which families, how many words and numbers, what is held out.</summary>
public sealed record TinyWorldOptions
{
    /// <summary>Every random choice (held-out split, answers, neighbours, examples) derives from it.</summary>
    public ulong Seed { get; init; }

    /// <summary>The task families in the world; at least one, no repeats.</summary>
    public IReadOnlyList<TinyFamily> Families { get; init; } =
        [TinyFamily.Repeat, TinyFamily.Successor, TinyFamily.Category, TinyFamily.Comparison];

    /// <summary>
    /// Numbers run from 0 to this, inclusive (successor and comparison arguments and answers). The default world (9, with
    /// 4 categories) is one in which a judge fine-tuned from the seed learns its verdict in minutes on a laptop CPU:
    /// with 20 numbers and all 16 categories the same recipe needed 20 minutes of training and passed 90% held-out on
    /// one training draw of three (see the README).
    /// </summary>
    public int MaxNumber { get; init; } = 9;

    /// <summary>How many of <see cref="TinyWorldLexicon.Categories"/> (a prefix of the list) the world uses.</summary>
    public int CategoryCount { get; init; } = 4;

    /// <summary>
    /// The share of each family's instructions held out for the benchmark (never in the pool, never written as a
    /// modified instruction in seed data). At least one instruction per family is held out and one kept.
    /// </summary>
    public double HeldOutFraction { get; init; } = 0.2;

    /// <summary>
    /// When true (the default), the seed's answering examples cover held-out instructions too, as a pretrained model
    /// knows facts its evaluator is never trained to judge: the held-out benchmark then measures judging of new
    /// instructions, not the seed's ignorance of them (it could not even repeat a word it never saw repeated). Held-out
    /// instructions stay out of the pool, out of modification examples and out of every judgment. When false they
    /// appear nowhere in seed data.
    /// </summary>
    public bool SeedAnswersHeldOut { get; init; } = true;

    /// <summary>Benchmark pairs per held-out instruction, each with a different neighbour (fewer when it has fewer).</summary>
    public int PairsPerHeldOutInstruction { get; init; } = 2;

    /// <summary>How many answering examples (instruction → answer) the seed data holds.</summary>
    public int AnsweringExamples { get; init; } = 30_000;

    /// <summary>
    /// The share of answering examples written as a document of several answered questions, the last one the example's
    /// own (<c>question: after 3 answer: 4 question: repeat cat answer: cat</c>), with 1 to
    /// <see cref="MaxQuestionsBefore"/> others before it. A seed that only ever saw a question at the start of its
    /// context answers it nowhere else (after the judge prompt's two responses it wrote <c>banana</c> for
    /// <c>repeat apple</c>); with half its examples documents it answers there, but its lone answers got worse (the
    /// demo's label quality fell from 92% to 75–83%), so the default is 0.
    /// </summary>
    public double DocumentFraction { get; init; }

    /// <summary>
    /// The share of document examples in which one of the questions before is the asked one itself, answered as the
    /// target is (<c>question: name a fruit answer: pear question: after 3 answer: 4 question: name a fruit answer:</c>
    /// → <c>pear</c>): practice in finding words in the context and copying what follows them, the step by which a
    /// judge names the response equal to its own answer. Measured: judges trained from seeds with more repeats learned
    /// that copy sooner (see the README), but at 1 with one seed epoch the seed answered worse (<c>repeat apple</c> →
    /// <c>tea</c>). Default 0 (no draw is made, so documents are as before it existed).
    /// </summary>
    public double RepeatFraction { get; init; }

    /// <summary>
    /// The share of lone answering examples (those not written as documents) asked after two answers laid out as the
    /// judge prompt shows its responses (<c>answer: 5 [[A]] answer: 12 [[B]] question: after 7 answer:</c> → <c>8</c>).
    /// The two answers are right answers of other instructions of the same family, drawn without regard to the asked
    /// one, so they carry no hint and no preference, and the target is an answer, never a verdict. A judge first
    /// states its own answer in that layout. Default 0.3: with it (and modification prompts out of the loss) the
    /// untrained default-world seed wrote its answer and then the verdict (<c>6 [[B]]</c>), where before it wrote
    /// <c>2 modify: 0</c> between them. Measured on the full world (20 numbers, 16 categories, documents at 0.5): at 0.5
    /// the one-epoch seed learned to answer nothing; the two-epoch seed stated more right answers inside the judge prompt
    /// (434 of 670 held-out comparisons against 287) but answered some lone comparisons wrong. At 0 no draw is made.
    /// </summary>
    public double AfterResponsesFraction { get; init; } = 0.3;

    /// <summary>At most this many answered questions precede the last one in a document example.</summary>
    public int MaxQuestionsBefore { get; init; } = 3;

    /// <summary>How many modification examples (instruction + answer → modified instruction + its answer) it holds.</summary>
    public int ModificationExamples { get; init; } = 15_000;

    /// <summary>Every problem with the options, each naming its field; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Families is null || Families.Count == 0)
            problems.Add("Families: name at least one family.");
        else
        {
            foreach (var family in Families.Where(f => !Enum.IsDefined(f)).Distinct())
                problems.Add($"Families: '{family}' is not a TinyFamily.");
            foreach (var family in Families.GroupBy(f => f).Where(g => g.Count() > 1))
                problems.Add($"Families: '{family.Key}' is listed {family.Count()} times.");
        }
        if (MaxNumber is < 4 or > TinyWorldLexicon.LargestNumber)
            problems.Add($"MaxNumber: must be in [4, {TinyWorldLexicon.LargestNumber}] (got {MaxNumber}).");
        if (CategoryCount < 3 || CategoryCount > TinyWorldLexicon.Categories.Count)
            problems.Add($"CategoryCount: must be in [3, {TinyWorldLexicon.Categories.Count}] (got {CategoryCount}).");
        if (double.IsNaN(HeldOutFraction) || HeldOutFraction <= 0 || HeldOutFraction >= 1)
            problems.Add($"HeldOutFraction: must be in (0, 1) (got {HeldOutFraction}).");
        if (PairsPerHeldOutInstruction < 1)
            problems.Add($"PairsPerHeldOutInstruction: must be at least 1 (got {PairsPerHeldOutInstruction}).");
        if (AnsweringExamples < 0)
            problems.Add($"AnsweringExamples: must not be negative (got {AnsweringExamples}).");
        if (double.IsNaN(DocumentFraction) || DocumentFraction < 0 || DocumentFraction > 1)
            problems.Add($"DocumentFraction: must be in [0, 1] (got {DocumentFraction}).");
        if (double.IsNaN(RepeatFraction) || RepeatFraction < 0 || RepeatFraction > 1)
            problems.Add($"RepeatFraction: must be in [0, 1] (got {RepeatFraction}).");
        if (double.IsNaN(AfterResponsesFraction) || AfterResponsesFraction < 0 || AfterResponsesFraction > 1)
            problems.Add($"AfterResponsesFraction: must be in [0, 1] (got {AfterResponsesFraction}).");
        if (MaxQuestionsBefore is < 1 or > 8)
            problems.Add($"MaxQuestionsBefore: must be in [1, 8] (got {MaxQuestionsBefore}).");
        if (ModificationExamples < 0)
            problems.Add($"ModificationExamples: must not be negative (got {ModificationExamples}).");
        return problems;
    }
}
