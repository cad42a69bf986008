using System.Net;
using Microsoft.Extensions.Options;
using OrleansEvaluator.Generation;
using OrleansEvaluator.Inference.Configuration;
using OrleansEvaluator.Inference.Grammars;
using OrleansEvaluator.Inference.OpenAi;

namespace OrleansEvaluator.Serving.Tests;

/// <summary>The OpenAI-compatible client against <c>oeval serve</c> over the real engine and a real model.</summary>
public sealed class OpenAiRoundTripTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private OpenAiChatGenerator Client(bool useN = false, int retries = 2)
    {
        var options = new OpenAiGeneratorOptions { BaseAddress = server.Address, UseN = useN, MaxRetries = retries, RetryBaseDelay = TimeSpan.FromMilliseconds(10) };
        return new OpenAiChatGenerator(new HttpClient(), Options.Create(options));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Remote_generation_equals_local_generation(bool chat)
    {
        var ct = TestContext.Current.CancellationToken;
        var request = new GenerationRequest
        {
            Model = ServerFixture.Model, MaxTokens = 32,
            Prompt = chat ? null : "Once upon a time",
            Messages = chat ? [ChatMessage.User("Tell me a story about a dog.")] : null,
        };
        using var client = Client();
        var remote = await client.GenerateAsync(request, ct);
        var local = await server.Engine.GenerateAsync(request, ct);
        Assert.Equal(local.Samples[0].Text, remote.Samples[0].Text);
        Assert.Equal(FinishReason.Length, remote.Samples[0].Finish);
        Assert.Equal(local.Usage.PromptTokens, remote.Usage.PromptTokens);
        Assert.Equal(32, remote.Usage.GeneratedTokens);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Sampled_remote_samples_equal_local_forked_samples_whether_sent_with_n_or_one_by_one(bool useN)
    {
        var ct = TestContext.Current.CancellationToken;
        var request = new GenerationRequest
        {
            Model = ServerFixture.Model, Prompt = "The little dog", MaxTokens = 24, Temperature = 0.9f, TopP = 0.95f, Seed = 77, Samples = 4,
        };
        using var client = Client(useN);
        var remote = await client.GenerateAsync(request, ct);
        var local = await server.Engine.GenerateAsync(request, ct);
        Assert.Equal(local.Samples.Select(s => s.Text), remote.Samples.Select(s => s.Text));
        Assert.Equal([0, 1, 2, 3], remote.Samples.Select(s => s.Index));
    }

    [Fact]
    public async Task A_grammar_and_stop_strings_travel_to_the_server()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = Client();
        var judged = await client.GenerateAsync(new GenerationRequest
        {
            Model = ServerFixture.Model, Prompt = "Which is better?", MaxTokens = 30, Temperature = 1, Seed = 2, Samples = 3,
            Grammar = VerdictGrammar.ForMaxTokens(30),
        }, ct);
        Assert.All(judged.Samples, s => Assert.Matches(@"^[^\[]*\[\[[AB]\]\]$", s.Text));

        var stopped = await client.GenerateAsync(new GenerationRequest
        {
            Model = ServerFixture.Model, Prompt = "Once upon a time", MaxTokens = 40, Stop = ["Lily"],
        }, ct);
        Assert.DoesNotContain("Lily", stopped.Samples[0].Text, StringComparison.Ordinal);
        Assert.Equal(FinishReason.EndOfSequence, stopped.Samples[0].Finish);
    }

    [Fact]
    public async Task A_request_the_server_refuses_fails_at_once_with_the_servers_message()
    {
        using var client = Client(retries: 3);
        var error = await Assert.ThrowsAsync<OpenAiRequestException>(() => client.GenerateAsync(
            new GenerationRequest { Model = "absent", Prompt = "Hi", MaxTokens = 4 }, TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal(1, error.Attempts);
        Assert.Contains("'absent' is not loaded", error.Message, StringComparison.Ordinal);
    }
}
