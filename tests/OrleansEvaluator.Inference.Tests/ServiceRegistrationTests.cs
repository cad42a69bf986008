using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrleansEvaluator.Generation;
using OrleansEvaluator.Inference.Llama;

namespace OrleansEvaluator.Inference.Tests;

public sealed class ServiceRegistrationTests
{
    [Fact]
    public async Task AddLlamaEngine_registers_one_engine_as_the_text_generator()
    {
        await using var provider = new ServiceCollection().AddLogging().AddLlamaEngine(o => { o.ContextSize = 512; o.MaxSequences = 2; }).BuildServiceProvider();
        var engine = provider.GetRequiredService<LlamaEngine>();
        Assert.Same(engine, provider.GetRequiredService<ITextGenerator>());
        Assert.Equal(512, engine.Options.ContextSize);
    }

    [Fact]
    public async Task AddLlamaEngine_rejects_invalid_options_naming_the_field()
    {
        await using var provider = new ServiceCollection().AddLogging().AddLlamaEngine(o => o.BatchSize = 0).BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<LlamaEngine>());
        Assert.Contains("BatchSize", error.Message, StringComparison.Ordinal);
    }
}
