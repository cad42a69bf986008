using Orleans.Placement;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Runtime.Placement;

namespace OrleansEvaluator.Grains.Placement;

/// <summary>Keeps the silos whose published roles include the strategy's role.</summary>
public sealed class SiloRoleFilterDirector(ISiloMetadataCache metadata) : IPlacementFilterDirector
{
    public IEnumerable<SiloAddress> Filter(PlacementFilterStrategy filterStrategy, PlacementTarget target, IEnumerable<SiloAddress> silos)
    {
        ArgumentNullException.ThrowIfNull(filterStrategy);
        var role = ((SiloRoleFilterStrategy)filterStrategy).Role;
        return silos.Where(s => SiloRoleMetadata.RolesOf(metadata, s).Contains(role, StringComparer.Ordinal));
    }
}
