using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OrleansEvaluator.Grains.Tests;

/// <summary>
/// One real Azurite for the tests of <see cref="AzuriteCollection"/>: installed by <c>scripts/azurite install</c> when
/// missing, started on three free loopback ports with in-memory persistence, killed (with its process tree) at the end.
/// Tests isolate themselves by service id, cluster id and container name.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>Azurite's well-known development account key (public; it opens only the local emulator).</summary>
    public const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly StringBuilder _output = new();
    private Process? _process;

    public string ConnectionString { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var root = RepositoryRoot();
        var binary = Path.Combine(root, ".tools", "azurite", "node_modules", ".bin", "azurite");
        if (!OnPath("node"))
            throw new InvalidOperationException("Azurite needs Node.js: 'node' is not on PATH (install nodejs and npm, then run scripts/azurite install).");
        if (!File.Exists(binary))
            await InstallAsync(root);
        if (!File.Exists(binary))
            throw new InvalidOperationException($"scripts/azurite install did not produce {binary}.");

        var (blob, queue, table) = (FreePort(), FreePort(), FreePort());
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--blobHost", "127.0.0.1", "--blobPort", $"{blob}", "--queueHost", "127.0.0.1", "--queuePort", $"{queue}",
            "--tableHost", "127.0.0.1", "--tablePort", $"{table}", "--inMemoryPersistence", "--disableTelemetry",
            "--skipApiVersionCheck", "--loose",
        })
        {
            start.ArgumentList.Add(argument);
        }
        _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {binary}.");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        foreach (var port in new[] { blob, queue, table })
        {
            while (!await AcceptsAsync(port))
            {
                if (_process.HasExited)
                    throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode}: {Output()}");
                if (DateTime.UtcNow > deadline)
                    throw new TimeoutException($"Azurite did not listen on port {port} within 60 s: {Output()}");
                await Task.Delay(100);
            }
        }
        ConnectionString = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + DevelopmentAccountKey
            + $";BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1"
            + $";QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;";
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is null)
            return;
        try
        {
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
    }

    /// <summary>A name unique to one test, usable as a container, table-safe id or cluster id.</summary>
    public static string UniqueName(string prefix) => prefix + Guid.NewGuid().ToString("N")[..12];

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static async Task InstallAsync(string root)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = root,
        };
        start.ArgumentList.Add(Path.Combine(root, "scripts", "azurite"));
        start.ArgumentList.Add("install");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"scripts/azurite install failed with code {process.ExitCode}: {await stderr}{await stdout}");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "scripts", "azurite")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No scripts/azurite above {AppContext.BaseDirectory}: the tests must run inside the repository.");
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, tool)));

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.AppendLine(line);
    }

    private string Output()
    {
        lock (_output)
            return _output.ToString();
    }
}
