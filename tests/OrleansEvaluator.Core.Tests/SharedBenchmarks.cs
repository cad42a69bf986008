namespace OrleansEvaluator.Core.Tests;

/// <summary>Paths into ../shared/benchmarks beside the checkout.</summary>
internal static class SharedBenchmarks
{
    private static readonly Lazy<string> s_dir = new(Locate);

    public static string Root => s_dir.Value;

    public static string File(string relative) => Path.Combine(s_dir.Value, relative);

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "OrleansEvaluator.sln")))
            {
                var path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "benchmarks"));
                return Directory.Exists(path) ? path : throw new DirectoryNotFoundException($"Expected the shared benchmarks at {path}.");
            }
        }
        throw new DirectoryNotFoundException($"OrleansEvaluator.sln not found above {AppContext.BaseDirectory}.");
    }
}
