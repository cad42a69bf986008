using System.Text.RegularExpressions;

namespace OrleansEvaluator.Core.Artifacts;

/// <summary>Artifact ids: <c>sha256:</c> followed by 64 lower-case hex digits.</summary>
public static partial class ArtifactId
{
    [GeneratedRegex("^sha256:[0-9a-f]{64}$")]
    private static partial Regex Shape();

    /// <summary>True when <paramref name="id"/> has the shape of an artifact id.</summary>
    public static bool IsValid(string? id) => id is not null && Shape().IsMatch(id);

    /// <summary>The hex digest of a valid id.</summary>
    /// <exception cref="ArgumentException">Not an artifact id.</exception>
    public static string Digest(string id) => IsValid(id) ? id[7..] : throw new ArgumentException($"'{id}' is not an artifact id (sha256:<64 hex digits>).", nameof(id));
}
