using System.Globalization;
using Actors.Api.Identity;
using Actors.Contracts.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Tests.Security;

/// <summary>
/// The real API host with rate limits small enough to reach (per endpoint and hour: 6 per address, 3 per identity,
/// 2 expensive), without demo data, and loopback trusted as a proxy when <see cref="TrustLoopback"/>: each test then
/// speaks for its own client address through X-Forwarded-For, so the tests do not share budgets.
/// </summary>
public class RateLimitHost : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const int PerAddress = 6;
    public const int PerIdentity = 3;
    public const int Expensive = 2;

    private HttpClient? http;

    public HttpClient Http => http ?? throw new InvalidOperationException("Not started.");

    protected virtual bool TrustLoopback => true;

    public string Token(string subject) =>
        Services.GetRequiredService<TokenIssuer>().Issue(new Actor(subject, ActorRole.Citizen, null, null));

    public ValueTask InitializeAsync()
    {
        UseKestrel(0);
        StartServer();
        http = CreateClient();
        return ValueTask.CompletedTask;
    }

    public new async ValueTask DisposeAsync()
    {
        http?.Dispose();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Demo:Seed", "false");
        builder.UseSetting("Pathway:Automatic", "false");
        builder.UseSetting("Documents:GeneratedKeyDirectory", Path.Combine(Path.GetTempPath(), "actors-ratelimit-keys-" + Guid.NewGuid().ToString("N")[..8]));
        builder.UseSetting("Orleans:SiloPort", FreePort.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", FreePort.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimits:Window", "01:00:00");
        builder.UseSetting("RateLimits:PerAddress", PerAddress.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimits:PerIdentity", PerIdentity.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimits:ExpensivePerAddress", Expensive.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimits:ExpensivePerIdentity", Expensive.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Cors:AllowedOrigins:0", "https://services.example.tn");
        if (TrustLoopback)
        {
            builder.UseSetting("Network:TrustedProxies:0", "127.0.0.0/8");
        }
    }
}
