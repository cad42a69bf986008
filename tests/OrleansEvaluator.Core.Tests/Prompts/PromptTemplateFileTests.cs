using OrleansEvaluator.Core.Prompts;

namespace OrleansEvaluator.Core.Tests.Prompts;

public sealed class PromptTemplateFileTests
{
    private static readonly string[] s_judge = ["instruction", "answer_a", "answer_b"];

    private const string Valid = """
        # A judge of my own.
        name: my-judge
        version: 2.1

        ### system
        Pick the better answer.
        ### Criteria (ordinary text, not a section)

        ### user
        {{instruction}}
        {{answer_a}}
        {{answer_b}}

        """;

    [Fact]
    public void A_valid_file_gives_a_template_with_its_name_version_and_trimmed_sections()
    {
        var template = PromptTemplateFile.Parse(Valid, "judge.prompt", s_judge);

        Assert.Equal("my-judge@2.1", template.Id);
        Assert.Equal("Pick the better answer.\n### Criteria (ordinary text, not a section)", template.SystemText);
        Assert.Equal("{{instruction}}\n{{answer_a}}\n{{answer_b}}", template.UserText);
    }

    [Fact]
    public void Line_endings_do_not_matter()
    {
        var lf = PromptTemplateFile.Parse(Valid, "judge.prompt", s_judge);
        var crlf = PromptTemplateFile.Parse(Valid.ReplaceLineEndings("\r\n"), "judge.prompt", s_judge);

        Assert.Equal(lf.Fingerprint, crlf.Fingerprint);
    }

    [Fact]
    public void The_name_defaults_to_the_file_name_and_the_system_section_is_optional()
    {
        var template = PromptTemplateFile.Parse("version: 1\n### USER\n{{instruction}}", "/x/answer-v1.txt", ["instruction"]);

        Assert.Equal("answer-v1@1", template.Id);
        Assert.Null(template.SystemText);
    }

    [Fact]
    public void An_unknown_placeholder_is_reported_with_file_and_line()
    {
        var text = Valid.Replace("{{answer_b}}", "{{answer_b}} {{answer_c}}", StringComparison.Ordinal);

        var error = Assert.Single(Assert.Throws<PromptTemplateException>(() => PromptTemplateFile.Parse(text, "judge.prompt", s_judge)).Errors);

        Assert.Equal(("judge.prompt", 12), (error.Source, error.Line));
        Assert.Contains("unknown placeholder {{answer_c}}", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("judge.prompt:12: ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_placeholder_is_reported_at_the_user_section()
    {
        var text = Valid.Replace("{{answer_b}}", "", StringComparison.Ordinal);

        var error = Assert.Single(Assert.Throws<PromptTemplateException>(() => PromptTemplateFile.Parse(text, "judge.prompt", s_judge)).Errors);

        Assert.Equal(9, error.Line);
        Assert.Contains("missing placeholder {{answer_b}}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        const string text = """
            title: x
            ### system
            {{ instruction }}
            ### system
            ### user
            {{answer_a}} {{answer_b}} {{Answer_B}}
            """;

        var errors = Assert.Throws<PromptTemplateException>(() => PromptTemplateFile.Parse(text, "bad.prompt", s_judge)).Errors;

        Assert.Equal([1, 1, 3, 4, 4, 5, 6], errors.Select(e => e.Line));
        Assert.Contains(errors, e => e.Message.Contains("'version", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("title: x", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 3 && e.Message.Contains("malformed placeholder '{{ instruction }}'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 4 && e.Message.Contains("repeats", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 4 && e.Message.Contains("empty", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 5 && e.Message.Contains("missing placeholder {{instruction}}", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 6 && e.Message.Contains("{{Answer_B}}", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("version: 1\n", "missing '### user'")]
    [InlineData("version: 1\n### assistant\n### user\n{{instruction}}", "unknown section '### assistant'")]
    [InlineData("version: 1\nversion: 2\n### user\n{{instruction}}", "repeats line 1")]
    [InlineData("version: 1 beta\n### user\n{{instruction}}", "must not contain whitespace")]
    [InlineData("name: a@b\nversion: 1\n### user\n{{instruction}}", "template name 'a@b'")]
    [InlineData("version: 1\n### user\n{{instruction\n}}", "malformed placeholder '{{instruction'")]
    [InlineData("version: 1\n### system\n\n\n### user\n{{instruction}}", "section '### system' is empty")]
    public void Invalid_files_name_the_problem(string text, string expected)
    {
        var error = Assert.Throws<PromptTemplateException>(() => PromptTemplateFile.Parse(text, "f.prompt", ["instruction"]));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Loading_a_file_names_its_path_in_errors_and_tasks_load_their_own_files()
    {
        var dir = Directory.CreateTempSubdirectory("oeval-prompts-");
        try
        {
            var good = Path.Combine(dir.FullName, "judge.prompt");
            File.WriteAllText(good, Valid);
            var bad = Path.Combine(dir.FullName, "bad.prompt");
            File.WriteAllText(bad, "version: 1\n### user\n{{question}}\n");

            Assert.Equal("my-judge@2.1", JudgePrompt.Load(good).Template.Id);
            var error = Assert.Throws<PromptTemplateException>(() => AnswerPrompt.Load(bad));
            Assert.Contains($"{bad}:3: unknown placeholder {{{{question}}}}", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
