using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OrleansEvaluator.Grains.Tests;

/// <summary>An <c>oeval</c> process started from the test's output folder, with its output captured line by line.</summary>
internal sealed class OevalProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource Seen)> _waits = [];

    private OevalProcess(string arguments)
    {
        var start = new ProcessStartInfo("dotnet", $"\"{Path.Combine(AppContext.BaseDirectory, "oeval.dll")}\" {arguments}")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public static OevalProcess Start(string arguments) => new(arguments);

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    private void OnLine(string? line)
    {
        if (line is null)
            return;
        lock (_output)
        {
            _output.AppendLine(line);
            foreach (var (match, seen) in _waits)
            {
                if (match(line))
                    seen.TrySetResult();
            }
        }
    }

    /// <summary>Waits for a line containing <paramref name="text"/> (also one printed before the call).</summary>
    public Task WaitForLineAsync(string text, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_output)
        {
            if (_output.ToString().Contains(text, StringComparison.Ordinal))
                return Task.CompletedTask;
            _waits.Add((line => line.Contains(text, StringComparison.Ordinal), seen));
        }
        return WaitAsync(seen.Task, timeout, $"a line with '{text}'", cancellationToken);
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        await WaitAsync(_process.WaitForExitAsync(cancellationToken), timeout, "the process to exit", cancellationToken);
        return _process.ExitCode;
    }

    private async Task WaitAsync(Task task, TimeSpan timeout, string what, CancellationToken cancellationToken)
    {
        var exited = _process.WaitForExitAsync(cancellationToken);
        var done = await Task.WhenAny(task, exited, Task.Delay(timeout, cancellationToken));
        if (done == task || (done == exited && task.IsCompleted))
        {
            await task;
            return;
        }
        if (done == exited)
        {
            await Task.Delay(200, cancellationToken); // let the last lines arrive
            if (task.IsCompleted)
                return;
            throw new InvalidOperationException($"oeval exited ({_process.ExitCode}) before {what}. Output:\n{Output}");
        }
        throw new TimeoutException($"No {what} within {timeout}. Output:\n{Output}");
    }

    /// <summary>SIGKILL: no shutdown, no flush — what a crash or an OOM kill does.</summary>
    public void KillHard()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        KillHard();
        _process.Dispose();
    }
}
