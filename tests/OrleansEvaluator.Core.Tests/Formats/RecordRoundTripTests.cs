using CsCheck;
using OrleansEvaluator.Core.Formats;

namespace OrleansEvaluator.Core.Tests.Formats;

public sealed class RecordRoundTripTests
{
    [Fact] public void Instructions_round_trip() => RoundTrip(Generators.Instruction);
    [Fact] public void Pairs_round_trip() => RoundTrip(Generators.Pair);
    [Fact] public void Judgment_samples_round_trip() => RoundTrip(Generators.Judgment);
    [Fact] public void Accepted_traces_round_trip() => RoundTrip(Generators.Trace);
    [Fact] public void Sft_examples_round_trip() => RoundTrip(Generators.Sft);
    [Fact] public void Dpo_pairs_round_trip() => RoundTrip(Generators.Dpo);
    [Fact] public void Pairwise_items_round_trip() => RoundTrip(Generators.Item);
    [Fact] public void Evaluation_results_round_trip() => RoundTrip(Generators.Result);

    /// <summary>Every list of records survives the artifact format and JSONL unchanged.</summary>
    private static void RoundTrip<T>(Gen<T> gen) where T : notnull
    {
        gen.Array[0, 12].Sample(records =>
        {
            var artifact = ArtifactFile.Deserialize<T>(ArtifactFile.Serialize(records), "test");
            Assert.Equal(records, artifact);

            var writer = new StringWriter();
            JsonlFile.Write(writer, records);
            var read = JsonlFile.Read<T>(new StringReader(writer.ToString()), "test.jsonl", MalformedLinePolicy.Fail);
            Assert.Equal(records, read.Records);
            Assert.Equal(records.Length, writer.ToString().Count(c => c == '\n'));
        }, iter: 200);
    }
}
