using System.Security.Cryptography;
using Actors.Api.Audit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Tests.Audit;

/// <summary><c>Audit:AddressHashKey</c>: required outside Development, checked when the host is built.</summary>
public sealed class AuditAddressHashKeyTests
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void Outside_development_the_host_does_not_start_without_the_key(string environment)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => Build(environment, null));

        Assert.Contains("Audit:AddressHashKey", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Audit__AddressHashKey", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not base64!", "is not base64")]
    [InlineData("c2hvcnQ=", "at least 32 bytes; it is 5")]
    public void A_key_that_is_not_one_is_refused_in_any_environment(string key, string why)
    {
        foreach (var environment in new[] { "Development", "Production" })
        {
            var refused = Assert.Throws<InvalidOperationException>(() => Build(environment, key));
            Assert.Contains("Audit:AddressHashKey", refused.Message, StringComparison.Ordinal);
            Assert.Contains(why, refused.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Instances_with_the_same_key_hash_an_address_alike_and_development_without_one_makes_its_own()
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var first = Build("Production", key);
        var second = Build("Production", key);
        Assert.Equal(first.Hash("192.0.2.7"), second.Hash("192.0.2.7"));
        Assert.NotEqual(first.Hash("192.0.2.7"), first.Hash("192.0.2.8"));

        Assert.NotEqual(Build("Development", null).Hash("192.0.2.7"), Build("Development", null).Hash("192.0.2.7"));
        Assert.NotEqual(first.Hash("192.0.2.7"), Build("Production", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))).Hash("192.0.2.7"));
    }

    private static AuditAddressHasher Build(string environment, string? key)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Audit:AddressHashKey"] = key });
        builder.AddActorsAudit();
        using var services = builder.Services.BuildServiceProvider();
        return services.GetRequiredService<AuditAddressHasher>();
    }
}
