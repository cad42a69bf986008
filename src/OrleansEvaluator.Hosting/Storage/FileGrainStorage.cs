using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Orleans.Serialization;
using Orleans.Storage;

namespace OrleansEvaluator.Hosting.Storage;

/// <summary>
/// Grain state as files under a folder, for embedded mode: a run's state survives the process, so an interrupted
/// run resumes. Each write replaces the file atomically (temporary file, then rename); the ETag is a version
/// number checked on write, so a stale activation cannot overwrite newer state.
/// </summary>
public sealed class FileGrainStorage(string root, Serializer serializer) : IGrainStorage
{
    private readonly string _root = Path.GetFullPath(root);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var path = PathOf(stateName, grainId);
        if (!File.Exists(path))
        {
            grainState.RecordExists = false;
            grainState.ETag = null;
            return;
        }
        var bytes = await File.ReadAllBytesAsync(path);
        if (bytes.Length < 8)
            throw new InvalidDataException($"Grain state file {path} is truncated.");
        grainState.State = serializer.Deserialize<T>(bytes.AsMemory(8));
        grainState.ETag = BinaryPrimitives.ReadInt64LittleEndian(bytes).ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var path = PathOf(stateName, grainId);
        var current = await CurrentVersionAsync(path);
        Check(grainState.ETag, current, path);
        var next = (current ?? 0) + 1;
        var payload = serializer.SerializeToArray(grainState.State);
        var bytes = new byte[8 + payload.Length];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, next);
        payload.CopyTo(bytes, 8);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(temp, bytes);
        File.Move(temp, path, overwrite: true);
        grainState.ETag = next.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var path = PathOf(stateName, grainId);
        Check(grainState.ETag, await CurrentVersionAsync(path), path);
        File.Delete(path);
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private static void Check(string? expected, long? current, string path)
    {
        var actual = current?.ToString(CultureInfo.InvariantCulture);
        if (expected != actual)
            throw new InconsistentStateException($"Grain state {path} is at version {actual ?? "(none)"}, the activation expected {expected ?? "(none)"}.", actual ?? "", expected ?? "");
    }

    private static async Task<long?> CurrentVersionAsync(string path)
    {
        if (!File.Exists(path))
            return null;
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var header = new byte[8];
        await stream.ReadExactlyAsync(header);
        return BinaryPrimitives.ReadInt64LittleEndian(header);
    }

    // File names from a hash of the grain id: any key is safe on any file system.
    private string PathOf(string stateName, GrainId grainId)
    {
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(grainId.ToString())));
        return Path.Combine(_root, stateName, grainId.Type.ToString()!.Replace('/', '_'), digest + ".state");
    }
}
