using System.CommandLine;

namespace OrleansEvaluator.Cli.Tests;

/// <summary>Runs <c>oeval</c> in this process with its output and error lines captured (no console is touched).</summary>
internal static class Oeval
{
    public static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await OevalCommand.Create().Parse(args)
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, TestContext.Current.CancellationToken);
        return (exit, output.ToString(), error.ToString());
    }

    public static string LastLine(string text) => text.TrimEnd().Split('\n')[^1].TrimEnd('\r');

    /// <summary>A fresh folder under the test output, removed with the process's temp data.</summary>
    public static string Folder(string name)
    {
        var folder = Path.Combine(Path.GetTempPath(), "oeval-cli-tests", $"{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Three readable items in two subsets and a tie, in the shared benchmark schema.</summary>
    public static string WriteBenchmark(string folder, string name = "bench")
    {
        var path = Path.Combine(folder, name + ".jsonl");
        File.WriteAllLines(path,
        [
            """{"id": "b0", "subset": "s1", "prompt": "Tell a story about a cat.", "chosen": "Once upon a time there was a cat.", "rejected": "The sun is hot."}""",
            """{"id": "b1", "subset": "s1", "prompt": "Tell a story about a dog.", "chosen": "Once upon a time there was a dog.", "rejected": "A boat."}""",
            """{"id": "b2", "subset": "s2", "prompt": "Write about a tree.", "chosen": "The tree was big and green.", "rejected": "Lily ran."}""",
            """{"id": "t0", "subset": "s2", "prompt": "Write about a bird.", "tie": true, "source_fields": {"response1": "A bird.", "response2": "The bird."}}""",
        ]);
        return path;
    }
}
