using OrleansEvaluator.Generation;

namespace OrleansEvaluator.Inference.Tests;

[Collection(EngineCollection.Name)]
public sealed class SchedulerCorrectnessTests(EngineFixture fixture)
{
    private static readonly string[] s_prompts =
    [
        "Once upon a time",
        "The little dog",
        "Lily and Tom went to the park. They",
        "One day, a big bird",
    ];

    [Theory]
    [InlineData(EngineFixture.Stories)]
    [InlineData(EngineFixture.TinyStories)]
    public async Task Greedy_output_equals_a_plain_single_sequence_decode_token_for_token(string model)
    {
        var weights = fixture.Engine.Host(model).Weights;
        foreach (var prompt in s_prompts)
        {
            var expected = ReferenceDecoder.Greedy(weights, prompt, 48);
            var result = await fixture.Engine.GenerateAsync(
                new GenerationRequest { Model = model, Prompt = prompt, MaxTokens = 48 }, TestContext.Current.CancellationToken);
            Assert.Equal(expected, result.Samples[0].TokenIds);
            Assert.NotEmpty(expected);
        }
    }
}
