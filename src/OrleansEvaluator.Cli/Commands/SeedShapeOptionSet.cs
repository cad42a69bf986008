using System.CommandLine;
using OrleansEvaluator.Training;
using OrleansEvaluator.Training.TinyWorld;

namespace OrleansEvaluator.Cli.Commands;

/// <summary>
/// The seed model's size, which <c>oeval seed tinyworld</c> and <c>oeval demo</c> share: a width and a depth, from which
/// the heads (one per 32 dimensions) and the feed-forward width (three times the width) follow, as in the default shape.
/// </summary>
internal sealed class SeedShapeOptionSet
{
    // Dimensions per attention head, as in the default shape (128 wide, 4 heads).
    private const int HeadSize = 32;

    private const int MaxWidth = 1024;

    private const int MaxLayers = 16;

    private static readonly LlamaShape Default = new TinyWorldSeedOptions().Shape;

    private readonly Option<int> _width = new("--width")
    {
        Description = $"The seed model's embedding width: a multiple of {HeadSize} (one head each), at most {MaxWidth}.",
        DefaultValueFactory = _ => Default.EmbeddingLength,
    };

    private readonly Option<int> _layers = new("--layers")
    {
        Description = $"The seed model's transformer layers, 1 to {MaxLayers}.",
        DefaultValueFactory = _ => Default.Layers,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(_width);
        command.Options.Add(_layers);
    }

    /// <summary>The shape the options give; a bad value is an error naming its option.</summary>
    public LlamaShape Read(ParseResult parse)
    {
        var width = parse.GetValue(_width);
        var layers = parse.GetValue(_layers);
        if (width < HeadSize || width > MaxWidth || width % HeadSize != 0)
            throw new ArgumentException($"--width: must be a multiple of {HeadSize} from {HeadSize} to {MaxWidth} (got {width}).");
        if (layers is < 1 or > MaxLayers)
            throw new ArgumentException($"--layers: must be in [1, {MaxLayers}] (got {layers}).");
        return Default with { EmbeddingLength = width, Layers = layers, Heads = width / HeadSize, FeedForwardLength = 3 * width };
    }
}
