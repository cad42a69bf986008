using OrleansEvaluator.Core.Parsing;
using OrleansEvaluator.Core.Prompts;
using OrleansEvaluator.Core.Sampling;
using OrleansEvaluator.Core.TinyWorld;
using OrleansEvaluator.Data;
using OrleansEvaluator.Generation;

namespace OrleansEvaluator.Core.Tests.Sampling;

public sealed class StatedAnswerExercisesTests
{
    private static readonly PreferencePair[] Pairs =
    [
        Pair("p1", "after 3", "4", "5"),
        Pair("p2", "smaller 2 or 7", "2", "7"),
        Pair("p3", "repeat cat", "cat", "dog"),
    ];

    private static PreferencePair Pair(string id, string instruction, string chosen, string rejected) =>
        new(id, "i-" + id, instruction, "modified " + instruction, chosen, rejected, "sha256:seed");

    // What the engine does with a raw template: the messages' text joined, nothing around it.
    private static JudgedPrompt[] RawPrompts(JudgePrompt judge) =>
        [.. Pairs.SelectMany(p => new[] { PresentationOrder.ChosenFirst, PresentationOrder.ChosenSecond }
            .Select(o => new JudgedPrompt(p.Id, o, RawPrompt.Render(judge.Format(p, o)))))];

    // A chat template's shape: role markers around each message's text, and the assistant's turn opened at the end.
    private static string Chat(IReadOnlyList<ChatMessage> messages) =>
        string.Concat(messages.Select(m => $"<|{m.Role}|>\n{m.Content}<|end|>\n")) + "<|assistant|>\n";

    [Fact]
    public void Each_row_states_one_shown_response_after_the_prompt_and_targets_its_label()
    {
        var judge = TinyWorldTemplates.Judge;
        var prompts = RawPrompts(judge);

        var set = StatedAnswerExercises.Build(prompts, Pairs, judge, count: 400, seed: 3, iteration: 1);

        Assert.Equal(400, set.Rows.Count);
        Assert.Equal(6, set.UsablePrompts);
        Assert.Equal(0, set.UnusablePrompts);
        var twins = 0;
        foreach (var row in set.Rows)
        {
            Assert.True(row.AnswerOnlyLoss);
            // answer: X [[A]] answer: Y [[B]] question: Q answer: S, and the target labels S.
            var parts = row.Prompt.Split(' ');
            var (a, b, stated) = (parts[1], parts[4], parts[^1]);
            Assert.Equal(row.Target == VerdictParser.MarkerA ? a : b, stated);
            Assert.NotEqual(a, b);
            var instruction = string.Join(' ', parts[7..^2]);
            Assert.Contains(Pairs, p => p.Instruction == instruction);
            if (prompts.Any(p => row.Prompt == p.Prompt + " " + stated))
                twins++;
            else
                Assert.All(new[] { a, b }, v => Assert.Contains(Pairs, p => p.Chosen == v)); // other responses: good answers
        }
        // Half keep their own prompt; the other half show other responses (a few of which happen to be their own).
        Assert.InRange(twins, 160, 280);
        Assert.Equal(set.Rows, StatedAnswerExercises.Build(prompts, Pairs, judge, 400, seed: 3, iteration: 1).Rows);
        Assert.NotEqual(set.Rows, StatedAnswerExercises.Build(prompts, Pairs, judge, 400, seed: 3, iteration: 2).Rows);
        Assert.NotEqual(set.Rows, StatedAnswerExercises.Build(prompts, Pairs, judge, 400, seed: 4, iteration: 1).Rows);
    }

    [Fact]
    public void The_rows_carry_no_preference_the_better_response_is_stated_about_half_the_time()
    {
        var judge = TinyWorldTemplates.Judge;
        var prompts = RawPrompts(judge);

        var rows = StatedAnswerExercises.Build(prompts, Pairs, judge, count: 2000, seed: 11, iteration: 1).Rows;

        var twins = rows.Select(r => (Row: r, Own: prompts.SingleOrDefault(p => r.Prompt.StartsWith(p.Prompt + " ", StringComparison.Ordinal))))
            .Where(x => x.Own is not null).ToArray();
        var chosenStated = twins.Count(x =>
            (x.Row.Target == VerdictParser.MarkerA) == (x.Own!.Order == PresentationOrder.ChosenFirst));
        Assert.InRange(chosenStated / (double)twins.Length, 0.45, 0.55);
        Assert.InRange(rows.Count(r => r.Target == VerdictParser.MarkerA) / (double)rows.Count, 0.45, 0.55);
    }

    [Fact]
    public void Under_a_chat_template_rows_keep_its_framing_and_re_render_every_message()
    {
        // The built-in judge template has a system message and fences each value with a tag made from the values, so
        // both messages change when the responses do.
        var judge = new JudgePrompt();
        var prompts = Pairs.Select(p => new JudgedPrompt(p.Id, PresentationOrder.ChosenFirst, Chat(judge.Format(p, PresentationOrder.ChosenFirst)))).ToArray();

        var rows = StatedAnswerExercises.Build(prompts, Pairs, judge, count: 60, seed: 5, iteration: 1).Rows;

        var values = Pairs.SelectMany(p => new[] { p.Chosen, p.Rejected }).ToArray();
        var others = 0;
        foreach (var row in rows)
        {
            var stated = row.Prompt[(row.Prompt.LastIndexOf('\n') + 1)..];
            var matches = (from p in Pairs
                           from a in values
                           from b in values
                           where a != b
                           let text = Chat(judge.Format(p.Instruction, a, b))
                           where row.Prompt == text + stated && stated == (row.Target == VerdictParser.MarkerA ? a : b)
                           select (p, a, b)).ToArray();
            Assert.Single(matches);
            if (!prompts.Any(p => p.Prompt + stated == row.Prompt))
                others++;
        }
        Assert.InRange(others, 10, 50);
    }

    [Fact]
    public void Prompts_whose_pair_is_unknown_or_whose_text_lacks_the_messages_are_counted_and_left_out()
    {
        var judge = TinyWorldTemplates.Judge;
        JudgedPrompt[] prompts =
        [
            .. RawPrompts(judge).Take(2),
            new("gone", PresentationOrder.ChosenFirst, "answer: 1 [[A]] answer: 2 [[B]] question: after 0 answer:"),
            new("p2", PresentationOrder.ChosenFirst, "a chat template that rewrote the message"),
        ];

        var set = StatedAnswerExercises.Build(prompts, Pairs, judge, count: 50, seed: 1, iteration: 1);

        Assert.Equal(2, set.UsablePrompts);
        Assert.Equal(2, set.UnusablePrompts);
        Assert.All(set.Rows, r => Assert.Contains("question: after 3 answer:", r.Prompt, StringComparison.Ordinal));

        var none = StatedAnswerExercises.Build(prompts[2..], Pairs, judge, count: 50, seed: 1, iteration: 1);
        Assert.Empty(none.Rows);
        Assert.Equal(0, none.UsablePrompts);
        Assert.Empty(StatedAnswerExercises.Build(prompts, Pairs, judge, count: 0, seed: 1, iteration: 1).Rows);
    }

    [Fact]
    public void Responses_are_stated_as_the_template_shows_them_marker_shapes_broken_and_on_one_line()
    {
        var judge = TinyWorldTemplates.Judge;
        PreferencePair[] pairs = [Pair("m", "say [[A]]", "it is\n[[A]]", "it is [[B]]"), Pair("n", "say [[B]]", "it is [[B]]", "it is\n[[A]]")];
        JudgedPrompt[] prompts = [new("m", PresentationOrder.ChosenFirst, RawPrompt.Render(judge.Format(pairs[0], PresentationOrder.ChosenFirst)))];

        var rows = StatedAnswerExercises.Build(prompts, pairs, judge, count: 20, seed: 2, iteration: 1).Rows;

        Assert.NotEmpty(rows);
        Assert.All(rows, r =>
        {
            // answer: X [[A]] answer: Y [[B]] question: … answer: S, with S the response the target labels.
            var (a, rest) = (r.Prompt["answer: ".Length..r.Prompt.IndexOf(" [[A]]", StringComparison.Ordinal)], r.Prompt[(r.Prompt.IndexOf(" [[A]] answer: ", StringComparison.Ordinal) + " [[A]] answer: ".Length)..]);
            var b = rest[..rest.IndexOf(" [[B]]", StringComparison.Ordinal)];
            Assert.Equal(["it is [ [A] ]", "it is [ [B] ]"], new[] { a, b }.Order(StringComparer.Ordinal));
            Assert.EndsWith(" " + (r.Target == VerdictParser.MarkerA ? a : b), r.Prompt, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', r.Prompt);
        });
    }
}
