using Orleans.Metadata;
using Orleans.Placement;

namespace OrleansEvaluator.Grains.Placement;

/// <summary>The placement-filter strategy carrying the required role through the grain's properties.</summary>
public sealed class SiloRoleFilterStrategy : PlacementFilterStrategy
{
    private const string RoleProperty = "oeval-role";

    public SiloRoleFilterStrategy() : this(string.Empty)
    {
    }

    public SiloRoleFilterStrategy(string role) : base(order: 0) => Role = role;

    /// <summary>The role required.</summary>
    public string Role { get; private set; }

    public override void AdditionalInitialize(GrainProperties properties) =>
        Role = GetPlacementFilterGrainProperty(RoleProperty, properties) ?? string.Empty;

    protected override IEnumerable<KeyValuePair<string, string>> GetAdditionalGrainProperties(
        IServiceProvider services, Type grainClass, GrainType grainType, IReadOnlyDictionary<string, string> existingProperties)
    {
        yield return new KeyValuePair<string, string>(RoleProperty, Role);
    }
}
