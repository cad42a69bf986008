using System.Text.Json;

namespace OrleansEvaluator.Grains.Tests;

/// <summary>
/// <c>oeval run</c> as a user runs it: a run killed with SIGKILL in the middle of judging and continued with
/// <c>--resume</c> ends with the very artifacts (same content ids) of a run that was never interrupted.
/// </summary>
public sealed class EmbeddedRunProcessTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("oeval-embedded-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<JsonElement> StatusAsync(string state, string run) =>
        JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(state, "runs", run, "status.json"), TestContext.Current.CancellationToken)).RootElement;

    private static string Ports() => $"--silo-port {OevalProcess.FreePort()} --gateway-port {OevalProcess.FreePort()} --threads 2";

    [Fact]
    [Trait("Category", "Slow")]
    public async Task A_run_killed_while_judging_resumes_to_the_artifacts_of_an_uninterrupted_run()
    {
        var ct = TestContext.Current.CancellationToken;
        var config = PipelineTests.WriteRun(Path.Combine(_folder, "inputs"), "resumable", iterations: 1);
        var (clean, crashed) = (Path.Combine(_folder, "clean"), Path.Combine(_folder, "crashed"));

        using (var run = OevalProcess.Start($"run \"{config}\" --state \"{clean}\" {Ports()}"))
        {
            Assert.Equal(0, await run.WaitForExitAsync(TimeSpan.FromMinutes(5), ct));
            // Each iteration's accuracy is printed as its evaluation lands, before the summary.
            Assert.Matches(@"\] iteration 0 scored: bench \d+\.\d%", run.Output);
            Assert.Matches(@"\] iteration 1 scored: bench \d+\.\d%", run.Output);
        }

        using (var run = OevalProcess.Start($"run \"{config}\" --state \"{crashed}\" {Ports()}"))
        {
            await run.WaitForLineAsync("judge iteration 1/1", TimeSpan.FromMinutes(5), ct);
            run.KillHard();
            Assert.DoesNotContain("completed", run.Output, StringComparison.Ordinal);
        }
        Assert.False(File.Exists(Path.Combine(crashed, "runs", "resumable", "status.json")));

        using (var run = OevalProcess.Start($"run --resume resumable --state \"{crashed}\" {Ports()}"))
        {
            Assert.Equal(0, await run.WaitForExitAsync(TimeSpan.FromMinutes(5), ct));
            Assert.DoesNotContain("ingest", run.Output, StringComparison.Ordinal); // resumed, not restarted
        }

        var (a, b) = (await StatusAsync(clean, "resumable"), await StatusAsync(crashed, "resumable"));
        Assert.Equal("Completed", b.GetProperty("phase").GetString());
        Assert.Equal(a.GetProperty("pairArtifacts").ToString(), b.GetProperty("pairArtifacts").ToString());
        var (ra, rb) = (a.GetProperty("reports")[1], b.GetProperty("reports")[1]);
        foreach (var field in new[] { "sampleArtifacts", "tracesArtifact", "trainingSetArtifact", "trainedModel", "accepted" })
            Assert.Equal(ra.GetProperty(field).ToString(), rb.GetProperty(field).ToString());
        Assert.Equal(a.GetProperty("reports")[1].GetProperty("scores")[0].GetProperty("resultsArtifact").GetString(),
            b.GetProperty("reports")[1].GetProperty("scores")[0].GetProperty("resultsArtifact").GetString());
    }
}
