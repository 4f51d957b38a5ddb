using Actors.Api.Identity;
using Actors.Api.Security;
using Actors.Api.Transport;
using Actors.Contracts.Identity;
using Actors.Tests.Transport;
using GraphQL;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Actors.Tests.Security;

/// <summary>
/// The transports over <see cref="TransportTestSchema"/> on a real Kestrel port, with WebSocket bounds
/// small enough to reach in a test: 3 operations per connection, 2 connections per identity, 4 per address.
/// </summary>
public sealed class BoundedTransportHost : IAsyncLifetime
{
    public const int OperationsPerConnection = 3;
    public const int ConnectionsPerIdentity = 2;
    public const int ConnectionsPerAddress = 4;

    private const string SigningKey = "bounded-transport-tests-signing-key-0123456789";

    private WebApplication? app;

    public Uri WebSocketAddress { get; private set; } = new("ws://127.0.0.1/");

    public IServiceProvider Services => app?.Services ?? throw new InvalidOperationException("The host has not started.");

    public string IssueToken(string subject, TimeSpan? lifetime = null) =>
        Services.GetRequiredService<TokenIssuer>().Issue(new Actor(subject, ActorRole.Citizen, null, null), lifetime);

    /// <summary>Waits (bounded) until the server has let go of every connection from the loopback address.</summary>
    public async Task WaitForNoConnectionsAsync()
    {
        var counts = Services.GetRequiredService<WebSocketConnectionCounts>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (counts.Count(WebSocketConnectionCounts.AddressKey("127.0.0.1")) > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "Connections from an earlier test are still open on the server.");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Testing",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Auth:SigningKey"] = SigningKey,
            ["GraphQL:Transport:MaxOperationsPerConnection"] = OperationsPerConnection.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["GraphQL:Transport:MaxConnectionsPerIdentity"] = ConnectionsPerIdentity.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["GraphQL:Transport:MaxConnectionsPerAddress"] = ConnectionsPerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.AddActorsAuthentication();
        builder.Services.AddSingleton<MutationLog>();
        builder.Services.AddGraphQLLimits(builder.Configuration);
        builder.Services.AddGraphQL(graphql => graphql.AddSchema<TransportTestSchema>().AddSystemTextJson());

        app = builder.Build();
        app.MapGraphQLTransport();
        await app.StartAsync();
        WebSocketAddress = new UriBuilder(new Uri(new Uri(app.Urls.First()), "/graphql")) { Scheme = "ws" }.Uri;
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
