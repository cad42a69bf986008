using OrleansEvaluator.Core.Formats;
using OrleansEvaluator.Data;

namespace OrleansEvaluator.Core.Tests.Formats;

/// <summary>
/// Freezes the artifact format: these bytes were written by format version 1 and must keep reading, and the same
/// records must keep producing them. When a test here fails, do not edit the expected bytes: add a format version.
/// </summary>
public sealed class GoldenArtifactTests
{
    [Fact]
    public void Instruction_bytes_are_frozen() => Check(
        [new Instruction("i1", "Name a fruit.", "pool", null), new Instruction("i2", "Add 2 and 3.", null, "math")],
        Golden.Instruction);

    [Fact]
    public void Preference_pair_bytes_are_frozen() => Check(
        [new PreferencePair("p1", "i1", "Name a fruit.", "Name a vegetable.", "Apple.", "Carrot.", "seed")],
        Golden.Pair);

    [Fact]
    public void Judgment_sample_bytes_are_frozen() => Check(
        [
            new JudgmentSample("p1", 1, 0, PresentationOrder.ChosenFirst, "m0", "A is right. [[A]]", Verdict.A, VerdictFailure.None),
            new JudgmentSample("p1", 1, 1, PresentationOrder.ChosenSecond, "m0", "no idea", null, VerdictFailure.NoVerdict),
        ],
        Golden.Judgment);

    [Fact]
    public void Accepted_trace_bytes_are_frozen() => Check(
        [new AcceptedTrace("p1", 1, 0, PresentationOrder.ChosenFirst, "m0", "Q?", "A is right. [[A]]", Verdict.A)],
        Golden.Trace);

    [Fact]
    public void Sft_and_dpo_bytes_are_frozen()
    {
        Check([new SftExample("s1", "Q?", "A is right. [[A]]", true)], Golden.Sft);
        Check([new DpoPair("d1", "Q?", "good [[A]]", "bad [[B]]")], Golden.Dpo);
    }

    [Fact]
    public void Evaluation_bytes_are_frozen()
    {
        Check([new PairwiseItem("e1", "bench", "sub", "Q?", "yes", "no", false, 1)], Golden.Item);
        Check([new EvaluationResult("e1", "bench", "sub", PresentationOrder.ChosenSecond, 0, "m1", 2, "[[B]]", Verdict.B, VerdictFailure.None)], Golden.Result);
    }

    [Fact]
    public void Compressed_bytes_are_frozen() => Check(
        Enumerable.Range(0, 20).Select(i => new SftExample($"s{i}", "Which answer is better? " + new string('x', 40), "Answer A follows the instruction. [[A]]", true)).ToArray(),
        Golden.Compressed);

    [Fact]
    public void Persisted_enum_values_are_frozen()
    {
        Assert.Equal([1, 2], Enum.GetValues<Verdict>().Select(v => (int)v));
        Assert.Equal([0, 1, 2, 3], Enum.GetValues<VerdictFailure>().Select(v => (int)v));
        Assert.Equal([0, 1], Enum.GetValues<PresentationOrder>().Select(v => (int)v));
        Assert.Equal(1, ArtifactFile.FormatVersion);
    }

    [Fact]
    public void A_file_of_another_kind_a_newer_version_or_no_header_is_refused_by_name()
    {
        var bytes = ArtifactFile.Serialize([new DpoPair("d1", "Q?", "a", "b")]);
        Assert.Contains("holds 'dpo-pair' records, not 'sft-example'",
            Assert.Throws<InvalidDataException>(() => ArtifactFile.Deserialize<SftExample>(bytes, "x.oeva")).Message, StringComparison.Ordinal);
        var newer = (byte[])bytes.Clone();
        newer[4] = 9;
        Assert.Contains("format version 9", Assert.Throws<InvalidDataException>(() => ArtifactFile.Deserialize<DpoPair>(newer, "x.oeva")).Message, StringComparison.Ordinal);
        Assert.StartsWith("y.jsonl: not an OrleansEvaluator artifact",
            Assert.Throws<InvalidDataException>(() => ArtifactFile.Deserialize<DpoPair>("{\"id\":1}"u8.ToArray(), "y.jsonl")).Message, StringComparison.Ordinal);
        Assert.Contains("corrupt", Assert.Throws<InvalidDataException>(() => ArtifactFile.Deserialize<DpoPair>(bytes.AsMemory(0, bytes.Length - 3), "x.oeva")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_id_is_the_sha256_of_the_bytes_and_stable()
    {
        var records = new[] { new DpoPair("d1", "Q?", "a", "b") };
        Assert.Equal(ArtifactFile.Id(ArtifactFile.Serialize(records)), ArtifactFile.Id(ArtifactFile.Serialize(records)));
        Assert.StartsWith("sha256:", ArtifactFile.Id(ArtifactFile.Serialize(records)), StringComparison.Ordinal);
    }

    private static void Check<T>(T[] records, string expectedHex)
    {
        var actual = Convert.ToHexStringLower(ArtifactFile.Serialize(records));
        Assert.True(expectedHex == actual, $"{typeof(T).Name} bytes changed. Now: {actual}");
        Assert.Equal(records, ArtifactFile.Deserialize<T>(Convert.FromHexString(expectedHex), "golden"));
    }

    private static class Golden
    {
        public const string Instruction =
            "4f45564101000b696e737472756374696f6e9294a26931ad4e616d6520612066727569742ea4706f6f6cc094a26932ac416464203220616e6420332ec0a46d617468";
        public const string Pair =
            "4f45564101000f707265666572656e63652d706169729197a27031a26931ad4e616d6520612066727569742eb14e616d65206120766567657461626c652ea64170706c652ea7436172726f742ea473656564";
        public const string Judgment =
            "4f45564101000f6a7564676d656e742d73616d706c659298a27031010000a26d30b1412069732072696768742e205b5b415d5d010098a27031010101a26d30a76e6f2069646561c001";
        public const string Trace =
            "4f45564101000e61636365707465642d74726163659198a27031010000a26d30a2513fb1412069732072696768742e205b5b415d5d01";
        public const string Sft =
            "4f45564101000b7366742d6578616d706c659194a27331a2513fb1412069732072696768742e205b5b415d5dc3";
        public const string Dpo =
            "4f45564101000864706f2d706169729194a26431a2513faa676f6f64205b5b415d5da9626164205b5b425d5d";
        public const string Item =
            "4f45564101000d70616972776973652d6974656d9198a26531a562656e6368a3737562a2513fa3796573a26e6fc201";
        public const string Result =
            "4f4556410100116576616c756174696f6e2d726573756c74919aa26531a562656e6368a37375620100a26d3102a55b5b425d5d0200";
        public const string Compressed =
            "4f45564101000b7366742d6578616d706c6592c70362cd08cdc6000000c9ff13dc001494a27330d940576869636820616e73776572206973206265747465723f207801001432d927413c00ff164120666f6c6c6f77732074686520696e737472756374696f6e2e205b5b415d5dc394a2733170005c1f3270005c1f3370005c1f3470005c1f3570005c1f3670005c1f3770005c1f3870005c1f3970005a4fa373313071005d0f62045b3fa3733163045b3fa3733164045b3fa3733165045b3fa3733166045b3fa3733167045b3fa3733168045b3fa3733169045b3fa373316a0455505b415d5dc3";
    }
}
