using System.Text.Json;
using OrleansEvaluator.Core.Metrics;

namespace OrleansEvaluator.Core.Tests.Metrics;

public sealed class RewardBenchConstantsTests
{
    [Fact]
    public void Constants_equal_the_shared_scoring_file()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(SharedBenchmarks.File("rewardbench/scoring.json")));
        var root = json.RootElement;

        var counts = root.GetProperty("EXAMPLE_COUNTS").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        Assert.Equal(counts.OrderBy(p => p.Key, StringComparer.Ordinal), RewardBenchConstants.ExampleCounts.OrderBy(p => p.Key, StringComparer.Ordinal));

        var mapping = root.GetProperty("SUBSET_MAPPING").EnumerateObject().ToList();
        Assert.Equal(mapping.Select(p => p.Name), RewardBenchConstants.Sections);
        Assert.Equal(mapping.Select(p => p.Name).Order(StringComparer.Ordinal), RewardBenchConstants.SubsetMapping.Keys.Order(StringComparer.Ordinal));
        foreach (var section in mapping)
        {
            Assert.Equal(section.Value.EnumerateArray().Select(e => e.GetString()), RewardBenchConstants.SubsetMapping[section.Name]);
        }

        Assert.Equal(root.GetProperty("PRIOR_SETS").EnumerateArray().Select(e => e.GetString()), RewardBenchConstants.PriorSets);
    }

    [Fact]
    public void Every_subset_belongs_to_exactly_one_section()
    {
        var mapped = RewardBenchConstants.SubsetMapping.Values.SelectMany(s => s).ToList();
        Assert.Equal(mapped.Count, mapped.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(RewardBenchConstants.ExampleCounts.Keys.Order(StringComparer.Ordinal), mapped.Order(StringComparer.Ordinal));
    }
}
