using Orleans.Runtime.MembershipService.SiloMetadata;

namespace OrleansEvaluator.Grains.Placement;

/// <summary>Reads the roles a silo published (see <see cref="SiloRoles.MetadataKey"/>).</summary>
public static class SiloRoleMetadata
{
    /// <summary>The silo's roles; empty when it published none.</summary>
    public static IReadOnlyList<string> RolesOf(ISiloMetadataCache metadata, SiloAddress silo)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return metadata.GetSiloMetadata(silo).Metadata.TryGetValue(SiloRoles.MetadataKey, out var roles) ? roles.Split(',') : [];
    }
}
