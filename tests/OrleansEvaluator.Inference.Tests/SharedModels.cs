namespace OrleansEvaluator.Inference.Tests;

/// <summary>Paths of the small real GGUF models in ../shared/models beside the checkout.</summary>
internal static class SharedModels
{
    private static readonly Lazy<string> s_dir = new(Locate);

    public static string Stories260K => Path.Combine(s_dir.Value, "stories260K.gguf");

    public static string TinyStories656K => Path.Combine(s_dir.Value, "TinyStories-656K-Q8_0.gguf");

    public static string Llama2TinyRandom => Path.Combine(s_dir.Value, "llama-2-tiny-random.gguf");

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OrleansEvaluator.sln")))
            {
                var models = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "models"));
                if (Directory.Exists(models))
                    return models;
                throw new DirectoryNotFoundException($"The shared models folder is missing: expected {models} beside the checkout.");
            }
        }
        throw new DirectoryNotFoundException($"OrleansEvaluator.sln not found above {AppContext.BaseDirectory}.");
    }
}
