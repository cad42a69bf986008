namespace OrleansEvaluator.Grains;

/// <summary>The roles a silo can have; a silo publishes its roles as metadata and grains are placed by them.</summary>
public static class SiloRoles
{
    /// <summary>Run coordinator, shards, model registry and evaluation; client gateway.</summary>
    public const string Coordinator = "coordinator";

    /// <summary>Inference: generation and judging on the silo's engine.</summary>
    public const string Worker = "worker";

    /// <summary>Fine-tuning.</summary>
    public const string Trainer = "trainer";

    /// <summary>Every role.</summary>
    public static readonly IReadOnlyList<string> All = [Coordinator, Worker, Trainer];

    /// <summary>Trims, de-duplicates and checks a role list.</summary>
    /// <exception cref="ArgumentException">No role, or a role that is not one of <see cref="All"/>.</exception>
    public static IReadOnlyList<string> Parse(IEnumerable<string> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var list = roles.SelectMany(r => r.Split(',')).Select(r => r.Trim()).Where(r => r.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        var unknown = list.Where(r => !All.Contains(r)).ToArray();
        if (list.Length == 0 || unknown.Length > 0)
        {
            throw new ArgumentException(
                $"Roles: give one or more of {string.Join(", ", All)} (got '{string.Join(",", list)}'; unknown: '{string.Join(",", unknown)}').");
        }
        return list;
    }

    /// <summary>The silo metadata key that lists a silo's roles, comma-separated.</summary>
    public const string MetadataKey = "oeval.roles";
}
