using Actors.Api.Hosting;
using Microsoft.Extensions.Configuration;

namespace Actors.Tests.Topology;

/// <summary><c>Orleans:Topology</c>: Client unless set, either name in any case, anything else refused at start with the choices.</summary>
public sealed class ApiTopologySettingTests
{
    [Theory]
    [InlineData(null, ApiTopology.Client)]
    [InlineData("", ApiTopology.Client)]
    [InlineData("Client", ApiTopology.Client)]
    [InlineData("cohosted", ApiTopology.CoHosted)]
    [InlineData(" CoHosted ", ApiTopology.CoHosted)]
    public void Known_values_and_the_default(string? value, ApiTopology expected) =>
        Assert.Equal(expected, ApiTopologySetting.From(Settings(value)));

    [Theory]
    [InlineData("Co-Hosted")]
    [InlineData("1")]
    [InlineData("Client,CoHosted")]
    public void An_unknown_value_is_refused_with_the_choices(string value)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => ApiTopologySetting.From(Settings(value)));
        Assert.Contains($"Orleans:Topology is \"{value}\"", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Client or CoHosted", refused.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Settings(string? topology) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [ApiTopologySetting.Key] = topology }).Build();
}
