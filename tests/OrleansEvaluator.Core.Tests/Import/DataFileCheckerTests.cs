using OrleansEvaluator.Core.Import;

namespace OrleansEvaluator.Core.Tests.Import;

public sealed class DataFileCheckerTests
{
    /// <summary>Record counts of the shared files, as benchmarks/PROVENANCE.md gives them.</summary>
    public static TheoryData<string, DataFileKind, int> SharedFiles => new()
    {
        { "rewardbench/rewardbench_llmbar_subsets.jsonl", DataFileKind.Pairwise, 279 },
        { "mt-bench-human/mt-bench-human_llmbar_processed.jsonl", DataFileKind.Pairwise, 130 },
        { "faireval/faireval_llmbar_processed.jsonl", DataFileKind.Pairwise, 44 },
        { "llmeval2/llmeval2_llmbar_processed.jsonl", DataFileKind.Pairwise, 133 },
        { "pandalm-test/pandalm_testset_v1.jsonl", DataFileKind.Pairwise, 662 },
        { "autoj-pairwise-test/autoj_testdata_pairwise.jsonl", DataFileKind.Pairwise, 908 },
        { "evalbiasbench/evalbiasbench.jsonl", DataFileKind.Pairwise, 53 },
        { "hhh-alignment/hhh_alignment.jsonl", DataFileKind.Pairwise, 148 },
        { "hh-rlhf-harmless-test/hh_rlhf_harmless_base_test.jsonl", DataFileKind.Pairwise, 1541 },
        { "xstest-v2-completions/xstest_v2_completions_human_labelled.jsonl", DataFileKind.LabelledResponses, 1500 },
        { "mt-bench/question.jsonl", DataFileKind.Questions, 80 },
        { "mt-bench/reference_answer/gpt-4.jsonl", DataFileKind.ModelAnswers, 30 },
        { "mt-bench/judge_prompts.jsonl", DataFileKind.JudgePrompts, 8 },
        { "mt-bench/vicuna_bench/question.jsonl", DataFileKind.Questions, 80 },
        { "mt-bench/vicuna_bench/reference_answer/gpt-4.jsonl", DataFileKind.ModelAnswers, 10 },
        { "instruction-pool/default_pool.jsonl", DataFileKind.Instructions, 3918 },
        { "rewardbench/scoring.json", DataFileKind.RewardBenchScoring, 23 },
    };

    [Theory]
    [MemberData(nameof(SharedFiles))]
    public void Every_shared_file_checks_clean_with_its_documented_count(string file, DataFileKind kind, int records)
    {
        var report = DataFileChecker.Check(SharedBenchmarks.File(file));
        Assert.Equal(kind, report.Kind);
        Assert.Equal(records, report.Records);
        Assert.Empty(report.Issues);
    }

    [Fact]
    public void Every_data_file_under_the_shared_benchmarks_is_covered()
    {
        var files = Directory.EnumerateFiles(SharedBenchmarks.Root, "*.json*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(SharedBenchmarks.Root, f)).Order(StringComparer.Ordinal);
        Assert.Equal(SharedFiles.Select(r => r.Data.Item1).Order(StringComparer.Ordinal), files);
    }

    [Fact]
    public void A_bad_line_in_a_recognized_file_is_reported_and_the_rest_counted()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("oeval-check-").FullName, "q.jsonl");
        File.WriteAllLines(path, ["{\"question_id\": 1, \"turns\": [\"a\"]}", "{\"question_id\": 2, \"turns\": []}", "{\"question_id\": 1, \"turns\": [\"b\"]}", "nope"]);
        var report = DataFileChecker.Check(path);
        Assert.Equal(DataFileKind.Questions, report.Kind);
        Assert.Equal(1, report.Records);
        Assert.Equal([2, 3, 4], report.Issues.Select(i => i.Line));
        Assert.Contains("question_id 1 was already used", report.Issues[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unrecognized_file_is_one_issue_not_silence()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("oeval-check-").FullName, "x.jsonl");
        File.WriteAllLines(path, ["{\"foo\": 1}"]);
        var report = DataFileChecker.Check(path);
        Assert.Equal(DataFileKind.Unknown, report.Kind);
        Assert.Contains("unrecognized format", Assert.Single(report.Issues).Reason, StringComparison.Ordinal);
    }
}
