using System.Security.Cryptography;

namespace OrleansEvaluator.Core.Artifacts;

/// <summary>The one way an artifact store reads incoming bytes: copied to its staging file while hashed into the id.</summary>
public static class ArtifactHashing
{
    /// <summary>Copies <paramref name="content"/> to <paramref name="destination"/> (flushed) and returns <c>sha256:</c> + hex of the bytes.</summary>
    public static async Task<string> CopyAsync(Stream content, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(destination);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        await destination.FlushAsync(cancellationToken);
        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
