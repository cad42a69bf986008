using Orleans.Placement;

namespace OrleansEvaluator.Grains.Placement;

/// <summary>Places a grain only on silos that publish <paramref name="role"/> among their roles.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class SiloRoleFilterAttribute(string role) : PlacementFilterAttribute(new SiloRoleFilterStrategy(role))
{
    /// <summary>The role required.</summary>
    public string Role { get; } = role;
}
