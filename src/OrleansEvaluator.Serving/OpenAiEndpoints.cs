using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OrleansEvaluator.Generation;
using OrleansEvaluator.Inference.Llama;
using OrleansEvaluator.Inference.OpenAi;

namespace OrleansEvaluator.Serving;

/// <summary>
/// Maps <c>POST v1/chat/completions</c>, <c>POST v1/completions</c> and <c>GET v1/models</c> onto the registered
/// <see cref="ITextGenerator"/>. <c>n</c> samples are forked from one prefill; sample i uses seed + i; a missing
/// seed means 0 and a missing temperature means 1, so the same request gives the same answer.
/// </summary>
public static class OpenAiEndpoints
{
    /// <summary>Adds the endpoints.</summary>
    public static IEndpointRouteBuilder MapOpenAiCompletions(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/v1/chat/completions", (WireCompletionRequest body, ITextGenerator generator, CancellationToken ct) =>
            CompleteAsync(body, chat: true, generator, ct));
        app.MapPost("/v1/completions", (WireCompletionRequest body, ITextGenerator generator, CancellationToken ct) =>
            CompleteAsync(body, chat: false, generator, ct));
        app.MapGet("/v1/models", (IServiceProvider services) =>
        {
            var models = services.GetService<LlamaEngine>()?.Models.Select(m => new { id = m.Id, @object = "model", owned_by = "oeval" }).ToArray() ?? [];
            return Results.Json(new { @object = "list", data = models });
        });
        return app;
    }

    private static async Task<IResult> CompleteAsync(WireCompletionRequest body, bool chat, ITextGenerator generator, CancellationToken ct)
    {
        if (chat && body.Messages is null)
            return Error(StatusCodes.Status400BadRequest, "messages: required on v1/chat/completions.");
        if (!chat && body.Prompt is null)
            return Error(StatusCodes.Status400BadRequest, "prompt: required on v1/completions.");
        if (body.Seed is < 0 or > uint.MaxValue)
            return Error(StatusCodes.Status400BadRequest, $"seed: must be in [0, {uint.MaxValue}].");

        var request = new GenerationRequest
        {
            Model = body.Model,
            Messages = chat ? body.Messages!.Select(m => new ChatMessage(m.Role, m.Content)).ToArray() : null,
            Prompt = chat ? null : body.Prompt,
            MaxTokens = body.MaxTokens ?? 256,
            Temperature = body.Temperature ?? 1f,
            TopP = body.TopP ?? 1f,
            Seed = (uint)(body.Seed ?? 0),
            Samples = body.N ?? 1,
            Stop = body.Stop ?? [],
            Grammar = body.Grammar ?? body.GuidedGrammar,
        };
        GenerationResult result;
        try
        {
            result = await generator.GenerateAsync(request, ct);
        }
        catch (ArgumentException e)
        {
            return Error(StatusCodes.Status400BadRequest, e.Message);
        }
        catch (InvalidOperationException e)
        {
            return Error(StatusCodes.Status503ServiceUnavailable, e.Message);
        }

        var choices = result.Samples.Select(s => new WireChoice
        {
            Index = s.Index,
            Message = chat ? new WireMessage("assistant", s.Text) : null,
            Text = chat ? null : s.Text,
            FinishReason = s.Finish == FinishReason.Length ? "length" : "stop",
        }).ToArray();
        var u = result.Usage;
        return Results.Json(new WireCompletionResponse
        {
            Id = "cmpl-" + Guid.NewGuid().ToString("N"),
            ObjectType = chat ? "chat.completion" : "text_completion",
            Model = result.Model,
            Choices = choices,
            Usage = new WireUsage
            {
                PromptTokens = u.PromptTokens, CompletionTokens = u.GeneratedTokens, TotalTokens = u.PromptTokens + u.GeneratedTokens,
                PromptTokensDetails = new WirePromptDetails(u.CachedPromptTokens),
            },
        });
    }

    private static IResult Error(int status, string message) =>
        Results.Json(new WireErrorResponse(new WireError(message, "invalid_request_error")), statusCode: status);
}
