using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Actors.Tests.Infrastructure;

/// <summary>
/// The real API host as production runs it (environment Production: no /dev/token, no Development-only fields,
/// a signing key from configuration), served by Kestrel on a free loopback port, without demo data. The printed
/// schema (schema.graphql) is this host's.
/// </summary>
public sealed class ProductionApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private HttpClient? _http;

    public HttpClient Http => _http ?? throw new InvalidOperationException("Not started.");

    public ValueTask InitializeAsync()
    {
        UseKestrel(0);
        StartServer();
        _http = CreateClient();
        return ValueTask.CompletedTask;
    }

    public new async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        await base.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Auth:SigningKey", "production-api-tests-signing-key-0123456789");
        builder.UseSetting("Audit:AddressHashKey", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        builder.UseSetting("Demo:Seed", "false");

        // Production's default trusted-documents mode refuses anonymous ad-hoc documents; the tests of this host probe
        // what such documents meet (introspection, suggestions, sandbox fields). The mode has its own tests (TrustedDocuments/).
        builder.UseSetting("GraphQL:TrustedDocuments:Mode", "Off");
        foreach (var (key, value) in TestDocumentKey.Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Orleans:SiloPort", FreePort.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", FreePort.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:ClusterId", "production-" + Guid.NewGuid().ToString("N")[..8]);
    }
}
