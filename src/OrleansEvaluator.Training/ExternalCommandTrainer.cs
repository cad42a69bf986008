using System.Diagnostics;
using System.Globalization;
using OrleansEvaluator.Inference.Gguf;

namespace OrleansEvaluator.Training;

/// <summary>
/// <see cref="IModelTrainer"/> over a configured command (an external trainer for models the in-process trainer
/// cannot hold). Its output lines are relayed; a non-zero exit, a timeout or an output that is not a valid GGUF is
/// an error carrying the command's last words; cancelling kills its whole process tree.
/// </summary>
public sealed class ExternalCommandTrainer : IModelTrainer
{
    private readonly ExternalTrainerOptions _options;

    public ExternalCommandTrainer(ExternalTrainerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is [var problem, ..])
            throw new ArgumentException("External trainer: " + problem);
        _options = options;
    }

    public async Task<TrainingOutcome> TrainAsync(TrainingJob job, IProgress<string>? log = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.Validate() is [var problem, ..])
            throw new ArgumentException("Training job: " + problem);
        var values = new Dictionary<string, string>
        {
            ["{base}"] = Path.GetFullPath(job.BaseModelPath),
            ["{data}"] = Path.GetFullPath(job.DataPath),
            ["{out}"] = Path.GetFullPath(job.OutputPath),
            ["{epochs}"] = job.Epochs.ToString(CultureInfo.InvariantCulture),
            ["{lr}"] = job.LearningRate.ToString("R", CultureInfo.InvariantCulture),
            ["{lora_rank}"] = job.LoraRank.ToString(CultureInfo.InvariantCulture),
            ["{seed}"] = job.Seed.ToString(CultureInfo.InvariantCulture),
            ["{accumulation}"] = Math.Max(1, job.GradientAccumulation).ToString(CultureInfo.InvariantCulture),
        };
        var start = new ProcessStartInfo(_options.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in _options.Arguments)
            start.ArgumentList.Add(values.Aggregate(argument, (a, kv) => a.Replace(kv.Key, kv.Value, StringComparison.Ordinal)));

        var tail = new Queue<string>();
        void Line(string? text)
        {
            if (text is null)
                return;
            log?.Report(text);
            lock (tail)
            {
                tail.Enqueue(text);
                if (tail.Count > 20)
                    tail.Dequeue();
            }
        }

        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Line(e.Data);
        process.ErrorDataReceived += (_, e) => Line(e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"External trainer '{_options.FileName}' could not start: {e.Message}", e);
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"External trainer '{_options.FileName}' ran longer than {_options.Timeout} and was killed.");
        }
        process.WaitForExit(); // flushes the asynchronous output readers

        string LastWords()
        {
            lock (tail)
                return tail.Count == 0 ? "(no output)" : string.Join(" | ", tail);
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"External trainer '{_options.FileName}' exited with code {process.ExitCode}: {LastWords()}");
        if (!File.Exists(job.OutputPath))
            throw new InvalidOperationException($"External trainer '{_options.FileName}' exited with 0 but wrote no model to {job.OutputPath}: {LastWords()}");
        GgufHeader.Read(job.OutputPath); // a clear GgufFormatException when the output is not a usable model
        return new TrainingOutcome(job.OutputPath, 0, null);
    }
}
