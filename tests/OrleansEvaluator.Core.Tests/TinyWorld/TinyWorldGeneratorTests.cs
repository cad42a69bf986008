using System.Globalization;
using OrleansEvaluator.Core.Formats;
using OrleansEvaluator.Core.Import;
using OrleansEvaluator.Core.Parsing;
using OrleansEvaluator.Core.TinyWorld;
using OrleansEvaluator.Data;

namespace OrleansEvaluator.Core.Tests.TinyWorld;

public sealed class TinyWorldGeneratorTests
{
    private static readonly TinyWorldGenerator s_world = TinyWorlds.Generator();

    [Fact]
    public void The_same_seed_gives_the_same_pool_benchmark_and_examples()
    {
        var again = TinyWorlds.Generator();

        Assert.Equal(s_world.InstructionPool(), again.InstructionPool());
        Assert.Equal(s_world.Benchmark(), again.Benchmark());
        Assert.Equal(Flatten(s_world), Flatten(again));
    }

    [Fact]
    public void A_different_seed_gives_a_different_split_and_examples()
    {
        var other = TinyWorlds.Generator(seed: 8);

        Assert.NotEqual(s_world.InstructionPool(), other.InstructionPool());
        Assert.NotEqual(s_world.Benchmark(), other.Benchmark());
        Assert.NotEqual(Flatten(s_world), Flatten(other));
    }

    [Fact]
    public void Pool_and_held_out_split_every_family_and_are_disjoint()
    {
        var pool = s_world.PoolTasks.Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
        var heldOut = s_world.HeldOutTasks.Select(t => t.Text).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(pool.Intersect(heldOut));
        Assert.Equal(TinyWorlds.AllTasks(s_world).Count(), pool.Count + heldOut.Count);
        foreach (var family in s_world.Rules.Families)
        {
            var all = s_world.Rules.All(family).Count;
            var held = s_world.HeldOutTasks.Count(t => t.Family == family);
            Assert.InRange(held, 1, all - 1);
            Assert.InRange(held, Math.Floor(all * 0.2) - 1, Math.Ceiling(all * 0.2) + 1);
        }
    }

    [Fact]
    public void The_pool_is_instructions_with_content_ids_and_family_categories()
    {
        var pool = s_world.InstructionPool();

        Assert.Equal(pool.Count, pool.Select(i => i.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(pool, i =>
        {
            Assert.StartsWith("tw-", i.Id, StringComparison.Ordinal);
            Assert.Equal(TinyWorldGenerator.SourceName, i.Source);
            Assert.Equal(TinyWorldGenerator.FamilyName(s_world.Rules.Parse(i.Text)!.Family), i.Category);
        });
        Assert.All(pool, i => Assert.Equal(TextNormalizer.ContentId("tw", i.Text), i.Id));
    }

    [Fact]
    public void Benchmark_items_ask_only_held_out_instructions_and_are_truly_labelled()
    {
        var heldOut = s_world.HeldOutTasks.Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
        var items = s_world.Benchmark();

        Assert.NotEmpty(items);
        Assert.Equal(items.Count, items.Select(i => i.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(items, item =>
        {
            Assert.Contains(item.Prompt, heldOut);
            Assert.True(s_world.Oracle.IsCorrect(item.Prompt, item.Chosen));
            Assert.False(s_world.Oracle.IsCorrect(item.Prompt, item.Rejected));
            Assert.Equal(TinyWorldGenerator.FamilyName(s_world.Rules.Parse(item.Prompt)!.Family), item.Subset);
            Assert.Equal(TinyWorldGenerator.SourceName, item.Benchmark);
            Assert.False(item.Tie);
        });
        Assert.Equal(s_world.Rules.Families.Select(TinyWorldGenerator.FamilyName).Order(StringComparer.Ordinal),
            items.Select(i => i.Subset).Distinct().Order(StringComparer.Ordinal));
        Assert.All(items.GroupBy(i => i.Prompt), g => Assert.InRange(g.Count(), 1, 2));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Held_out_instructions_are_answered_by_seed_data_only_when_asked_and_never_modified_or_judged(bool seedAnswersHeldOut)
    {
        var world = new TinyWorldGenerator(s_world.Options with { SeedAnswersHeldOut = seedAnswersHeldOut, DocumentFraction = 0.5 });
        var heldOut = world.HeldOutTasks.Select(t => t.Text).ToHashSet(StringComparer.Ordinal);

        var answered = world.AnsweringExamples(TinyWorldTemplates.Answer).Count(e => heldOut.Contains(e.Instruction));
        if (seedAnswersHeldOut)
            Assert.InRange(answered, 1, world.Options.AnsweringExamples / 2);
        else
        {
            Assert.Equal(0, answered);
            Assert.All(world.AnsweringExamples(TinyWorldTemplates.Answer), e =>
                Assert.DoesNotContain(QuestionsBefore(e.Prompt[0].Content), qa => heldOut.Contains(qa.Question)));
        }
        foreach (var example in world.ModificationExamples(TinyWorldTemplates.Modify))
        {
            Assert.DoesNotContain(example.Instruction, heldOut);
            var modified = ModifiedInstructionParser.Parse(example.Target, example.Instruction);
            Assert.DoesNotContain(modified.ModifiedInstruction!, heldOut);
        }
        foreach (var example in world.JudgmentExamples(TinyWorldTemplates.Judge, 400))
            Assert.DoesNotContain(example.Instruction, heldOut);
        foreach (var example in world.LookupExamples(TinyWorldTemplates.Judge, 400))
            Assert.DoesNotContain(example.Instruction, heldOut);
        Assert.DoesNotContain(world.InstructionPool(), i => heldOut.Contains(i.Text));
    }

    [Fact]
    public void Answering_examples_render_the_template_and_target_a_right_answer()
    {
        var examples = s_world.AnsweringExamples(TinyWorldTemplates.Answer).ToList();

        Assert.Equal(400, examples.Count);
        Assert.All(examples, e =>
        {
            Assert.Equal(TinyExampleKind.Answer, e.Kind);
            Assert.Equal($"question: {e.Instruction} answer:", Assert.Single(e.Prompt).Content);
            Assert.Equal(0, e.QuestionsBefore);
            Assert.True(s_world.Oracle.IsCorrect(e.Instruction, e.Target));
        });
        Assert.Equal(s_world.Rules.Families.Count, examples.Select(e => e.Family).Distinct().Count());
        Assert.True(examples.Where(e => e.Family == TinyFamily.Category).Select(e => e.Target).Distinct().Count() > 10,
            "naming examples should show many members");
    }

    [Fact]
    public void With_documents_answered_questions_come_before_the_examples_own()
    {
        var world = new TinyWorldGenerator(s_world.Options with { DocumentFraction = 0.5 });

        var examples = world.AnsweringExamples(TinyWorldTemplates.Answer).ToList();

        Assert.All(examples, e =>
        {
            Assert.EndsWith($"question: {e.Instruction} answer:", Assert.Single(e.Prompt).Content, StringComparison.Ordinal);
            Assert.Equal(e.QuestionsBefore, QuestionsBefore(e.Prompt[0].Content).Count);
            Assert.True(world.Oracle.IsCorrect(e.Instruction, e.Target));
        });
        // Half are documents of 1 to 3 answered questions before their own, every one answered right.
        var before = examples.Select(e => QuestionsBefore(e.Prompt[0].Content)).ToList();
        Assert.InRange(before.Count(b => b.Count > 0), 160, 240);
        Assert.All(before.SelectMany(b => b), qa => Assert.True(world.Oracle.IsCorrect(qa.Question, qa.Answer), $"{qa.Question} -> {qa.Answer}"));
        Assert.Equal([1, 2, 3], before.Select(b => b.Count).Where(n => n > 0).Distinct().Order());
    }

    [Fact]
    public void With_repeats_some_documents_answer_the_examples_own_question_before_it_with_the_target()
    {
        var documents = s_world.Options with { DocumentFraction = 0.5 };
        var world = new TinyWorldGenerator(documents with { RepeatFraction = 0.5 });

        var examples = world.AnsweringExamples(TinyWorldTemplates.Answer).ToList();

        var repeated = examples.Where(e => e.AnsweredBefore).ToList();
        // Half the documents (about 100 of 400 examples) repeat their own question, answered as the target is.
        Assert.InRange(repeated.Count, 65, 135);
        Assert.Equal(s_world.Rules.Families.Count, repeated.Select(e => e.Family).Distinct().Count());
        Assert.All(repeated, e => Assert.Contains(QuestionsBefore(e.Prompt[0].Content), qa => qa.Question == e.Instruction && qa.Answer == e.Target));
        Assert.All(examples, e => Assert.True(world.Oracle.IsCorrect(e.Instruction, e.Target)));
        // The repeat is anywhere among the questions before, not always first or last.
        Assert.True(repeated.Select(e => QuestionsBefore(e.Prompt[0].Content).FindIndex(qa => qa.Question == e.Instruction)).Distinct().Count() > 1);
        // Lone questions draw nothing for it, so they are those of a world without repeats.
        var lone = new TinyWorldGenerator(documents).AnsweringExamples(TinyWorldTemplates.Answer).Where(e => e.QuestionsBefore == 0).ToList();
        Assert.Equal(lone, examples.Where(e => e.QuestionsBefore == 0), (a, b) => a.Id == b.Id);
    }

    [Fact]
    public void After_responses_some_lone_questions_follow_two_answers_of_their_family_in_the_judge_layout()
    {
        var documents = s_world.Options with { DocumentFraction = 0.5 };
        var world = new TinyWorldGenerator(documents with { AfterResponsesFraction = 0.5 });

        var examples = world.AnsweringExamples(TinyWorldTemplates.Answer).ToList();

        var after = examples.Where(e => e.AfterResponses).ToList();
        // Half of the about 200 lone questions of 400 examples; documents never.
        Assert.InRange(after.Count, 65, 135);
        Assert.All(examples.Where(e => e.QuestionsBefore > 0), e => Assert.False(e.AfterResponses));
        Assert.Equal(s_world.Rules.Families.Count, after.Select(e => e.Family).Distinct().Count());
        var responses = new List<(string First, string Second)>();
        foreach (var e in after)
        {
            var text = Assert.Single(e.Prompt).Content;
            var match = System.Text.RegularExpressions.Regex.Match(text, @"^answer: (\S+) \[\[A\]\] answer: (\S+) \[\[B\]\] question: (.+) answer:$");
            Assert.True(match.Success, text);
            Assert.Equal(e.Instruction, match.Groups[3].Value);
            var (first, second) = (match.Groups[1].Value, match.Groups[2].Value);
            Assert.NotEqual(first, second);
            // Both are right answers of some instruction of the asked one's family; the target is an answer, no verdict.
            Assert.Contains(world.Rules.All(e.Family), t => t.IsCorrect(first));
            Assert.Contains(world.Rules.All(e.Family), t => t.IsCorrect(second));
            Assert.True(world.Oracle.IsCorrect(e.Instruction, e.Target), $"{e.Instruction} -> {e.Target}");
            Assert.DoesNotContain("[[", e.Target, StringComparison.Ordinal);
            responses.Add((first, second));
        }
        // The answers shown do not depend on the asked question: the right one is among them only now and then.
        Assert.InRange(after.Zip(responses).Count(x => x.First.Target == x.Second.First || x.First.Target == x.Second.Second), 0, after.Count / 3);
        // Without it no draw is made: the examples are those of a world without it.
        Assert.Equal(new TinyWorldGenerator(documents).AnsweringExamples(TinyWorldTemplates.Answer).Where(e => e.QuestionsBefore > 0),
            examples.Where(e => e.QuestionsBefore > 0), (a, b) => a.Id == b.Id);
        Assert.Equal(Flatten(s_world), Flatten(new TinyWorldGenerator(s_world.Options with { AfterResponsesFraction = 0 })));
    }

    [Fact]
    public void Lookup_examples_state_one_response_at_random_and_target_its_label()
    {
        var examples = s_world.LookupExamples(TinyWorldTemplates.Judge, 400).ToList();

        Assert.Equal(400, examples.Count);
        var heldOutAnswers = s_world.HeldOutTasks.SelectMany(t => t.CorrectAnswers).ToHashSet(StringComparer.Ordinal);
        var poolInstructions = s_world.PoolTasks.Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
        var statedRight = 0;
        var fromTheInstruction = 0;
        Assert.All(examples, e =>
        {
            Assert.Equal(TinyExampleKind.Lookup, e.Kind);
            Assert.Contains(e.Instruction, poolInstructions);
            var (a, b, stated) = StatedAnswer(e);
            Assert.NotEqual(a, b);
            Assert.Equal(stated == a ? "[[A]]" : stated == b ? "[[B]]" : "neither", e.Target);
            statedRight += s_world.Oracle.IsCorrect(e.Instruction, stated) ? 1 : 0;
            fromTheInstruction += s_world.Oracle.IsCorrect(e.Instruction, a) || s_world.Oracle.IsCorrect(e.Instruction, b) ? 1 : 0;
        });
        Assert.InRange(examples.Count(e => e.Target == "[[A]]"), 160, 240);
        // Half show the instruction's right answer, and then the stated one is right half the time: no preference to learn.
        Assert.InRange(fromTheInstruction, 160, 260);
        Assert.InRange(statedRight, 60, 150);
        // Values come from the whole world, held-out instructions' answers included.
        Assert.Contains(examples, e => heldOutAnswers.Contains(e.Prompt[0].Content[(e.Prompt[0].Content.LastIndexOf(' ') + 1)..]));
        Assert.Equal(examples.Select(e => e.Id), s_world.LookupExamples(TinyWorldTemplates.Judge, 400).Select(e => e.Id));
        // Exercise i is ground-truth judgment i's twin: the same instruction, and half the time the same prompt.
        var judgments = s_world.JudgmentExamples(TinyWorldTemplates.Judge, 400).ToList();
        Assert.All(examples.Zip(judgments), p => Assert.Equal(p.Second.Instruction, p.First.Instruction));
        Assert.InRange(examples.Zip(judgments).Count(p => p.First.Prompt[0].Content.StartsWith(p.Second.Prompt[0].Content + " ", StringComparison.Ordinal)), 160, 240);
    }

    [Theory]
    [InlineData(20)]
    [InlineData(4)]
    public void Near_number_exercises_show_two_numbers_one_to_three_apart_and_target_the_stated_ones_label(int maxNumber)
    {
        var world = maxNumber == 20 ? s_world : new TinyWorldGenerator(s_world.Options with { MaxNumber = maxNumber });
        var examples = world.NearNumberExamples(TinyWorldTemplates.Judge, 600).ToList();

        Assert.Equal(600, examples.Count);
        var distances = new List<int>();
        Assert.All(examples, e =>
        {
            Assert.Equal(TinyExampleKind.Lookup, e.Kind);
            var (a, b, stated) = StatedAnswer(e);
            Assert.InRange(int.Parse(a, CultureInfo.InvariantCulture), 0, maxNumber);
            Assert.InRange(int.Parse(b, CultureInfo.InvariantCulture), 0, maxNumber);
            distances.Add(Math.Abs(int.Parse(a, CultureInfo.InvariantCulture) - int.Parse(b, CultureInfo.InvariantCulture)));
            Assert.Equal(stated == a ? "[[A]]" : stated == b ? "[[B]]" : "neither", e.Target);
        });
        Assert.InRange(distances.Min(), 1, 1);
        Assert.InRange(distances.Max(), TinyWorldGenerator.NearNumberDistance, TinyWorldGenerator.NearNumberDistance);
        // 1 and 2 are drawn twice as often as 3 (a little more at a small world's edges, where 3 may not fit).
        Assert.InRange(distances.Count(d => d == 1), 190, 300);
        Assert.InRange(distances.Count(d => d == 3), 60, 150);
        Assert.InRange(examples.Count(e => e.Target == "[[A]]"), 250, 350);
        // Both numbers appear first and second, at both edges of the world.
        Assert.Contains(examples, e => e.Prompt[0].Content.StartsWith("answer: 0 ", StringComparison.Ordinal));
        Assert.Contains(examples, e => e.Prompt[0].Content.Contains(" answer: " + maxNumber.ToString(CultureInfo.InvariantCulture) + " [[B]]", StringComparison.Ordinal));
        // Exercise i asks ground-truth judgment i's instruction.
        Assert.Equal(world.JudgmentExamples(TinyWorldTemplates.Judge, 600).Select(j => j.Instruction), examples.Select(e => e.Instruction));
        Assert.Equal(examples.Select(e => e.Id), world.NearNumberExamples(TinyWorldTemplates.Judge, 600).Select(e => e.Id));
    }

    [Fact]
    public void Modification_examples_parse_and_their_answer_is_wrong_for_the_original()
    {
        var examples = s_world.ModificationExamples(TinyWorldTemplates.Modify).ToList();

        Assert.Equal(400, examples.Count);
        Assert.All(examples, e =>
        {
            var prompt = Assert.Single(e.Prompt).Content;
            Assert.StartsWith($"question: {e.Instruction} answer: ", prompt, StringComparison.Ordinal);
            Assert.EndsWith(" modify:", prompt, StringComparison.Ordinal);
            var baseline = prompt[$"question: {e.Instruction} answer: ".Length..^" modify:".Length];
            Assert.True(s_world.Oracle.IsCorrect(e.Instruction, baseline));

            var parsed = ModifiedInstructionParser.Parse(e.Target, e.Instruction);
            Assert.Equal(ModifiedInstructionFailure.None, parsed.Failure);
            Assert.True(s_world.Oracle.IsCorrect(parsed.ModifiedInstruction!, parsed.Response!));
            Assert.False(s_world.Oracle.IsCorrect(e.Instruction, parsed.Response!));
            Assert.Equal(e.Family, s_world.Rules.Parse(parsed.ModifiedInstruction!)!.Family);
        });
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Judgment_examples_name_the_right_answer(bool reasoning)
    {
        var examples = s_world.JudgmentExamples(TinyWorldTemplates.Judge, 300, reasoning).ToList();

        Assert.All(examples, e =>
        {
            var verdict = VerdictParser.Parse(e.Target).Verdict;
            Assert.NotNull(verdict);
            var prompt = Assert.Single(e.Prompt).Content;
            var a = prompt.Split(" [[A]] answer: ")[0]["answer: ".Length..];
            var b = prompt.Split(" [[A]] answer: ")[1].Split(" [[B]] question: ")[0];
            Assert.Equal(verdict == Verdict.A, s_world.Oracle.IsCorrect(e.Instruction, a));
            Assert.Equal(verdict == Verdict.B, s_world.Oracle.IsCorrect(e.Instruction, b));
            // The reasoning states the answer the verdict picks; without it the target is the verdict alone.
            var picked = verdict == Verdict.A ? a : b;
            Assert.Equal(reasoning ? $"{picked} [[{verdict}]]" : $"[[{verdict}]]", e.Target);
        });
        Assert.InRange(examples.Count(e => e.Target.EndsWith(VerdictParser.MarkerA, StringComparison.Ordinal)), 100, 200);
    }

    [Fact]
    public void Benchmark_items_round_trip_through_jsonl()
    {
        var items = s_world.Benchmark();
        var writer = new StringWriter();

        JsonlFile.Write(writer, items);
        var read = JsonlFile.Read<PairwiseItem>(new StringReader(writer.ToString()), "tinyworld.jsonl", MalformedLinePolicy.Fail);

        Assert.Equal(items, read.Records);
        Assert.Empty(read.Issues);
    }

    [Fact]
    public void Benchmark_items_round_trip_through_a_jsonl_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"tinyworld-{Guid.NewGuid():N}.jsonl");
        try
        {
            var items = s_world.Benchmark();
            JsonlFile.Write(path, items);
            Assert.Equal(items, JsonlFile.Read<PairwiseItem>(path, MalformedLinePolicy.Fail).Records);
            Assert.Equal(items.Count, File.ReadAllLines(path).Length);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Invalid_options_are_rejected_naming_every_problem()
    {
        var e = Assert.Throws<ArgumentException>(() => new TinyWorldGenerator(new TinyWorldOptions { MaxNumber = 2, HeldOutFraction = 1 }));

        Assert.Contains("MaxNumber", e.Message, StringComparison.Ordinal);
        Assert.Contains("HeldOutFraction", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_world_of_one_family_generates_only_that_family()
    {
        var world = new TinyWorldGenerator(TinyWorlds.Options() with { Families = [TinyFamily.Category], CategoryCount = 3 });

        Assert.All(world.InstructionPool(), i => Assert.Equal("category", i.Category));
        Assert.Equal(2, world.PoolTasks.Count);
        Assert.All(world.Benchmark(), i => Assert.Equal("category", i.Subset));
        Assert.All(world.ModificationExamples(TinyWorldTemplates.Modify), e => Assert.Equal(TinyFamily.Category, e.Family));
    }

    // The two responses and the stated answer of a stated-answer exercise, after checking it is the judge prompt plus one word.
    private static (string A, string B, string Stated) StatedAnswer(TinyWorldExample e)
    {
        var prompt = Assert.Single(e.Prompt).Content;
        var stated = prompt[(prompt.LastIndexOf(' ') + 1)..];
        var judge = Assert.Single(TinyWorldTemplates.Judge.Format(e.Instruction, "X", "Y")).Content;
        var a = prompt.Split(" [[A]] answer: ")[0]["answer: ".Length..];
        var b = prompt.Split(" [[A]] answer: ")[1].Split(" [[B]] question: ")[0];
        Assert.Equal(judge.Replace("X", a, StringComparison.Ordinal).Replace("Y", b, StringComparison.Ordinal) + " " + stated, prompt);
        return (a, b, stated);
    }

    private static List<string> Flatten(TinyWorldGenerator world) =>
    [
        .. world.AnsweringExamples(TinyWorldTemplates.Answer).Select(e => $"{e.Id}|{e.Prompt[0].Content}|{e.Target}"),
        .. world.ModificationExamples(TinyWorldTemplates.Modify).Select(e => $"{e.Id}|{e.Prompt[0].Content}|{e.Target}"),
        .. world.JudgmentExamples(TinyWorldTemplates.Judge, 50).Select(e => $"{e.Id}|{e.Prompt[0].Content}|{e.Target}"),
    ];

    // "question: a answer: b question: c answer: d question: e answer:" -> (a, b), (c, d): the answered ones before the last.
    private static List<(string Question, string Answer)> QuestionsBefore(string content)
    {
        var parts = content.Split("question: ", StringSplitOptions.RemoveEmptyEntries);
        return [.. parts[..^1].Select(p => p.Trim().Split(" answer: ")).Select(qa => (qa[0], qa[1]))];
    }
}
