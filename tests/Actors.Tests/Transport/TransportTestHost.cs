using Actors.Api.Identity;
using Actors.Api.Security;
using Actors.Api.Transport;
using Actors.Contracts.Identity;
using GraphQL;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Actors.Tests.Transport;

/// <summary>
/// A real Kestrel server on 127.0.0.1 (random port) with the transports over <see cref="TransportTestSchema"/>
/// and the API's JWT authentication: what the node conformance scripts and a browser can talk to.
/// </summary>
public sealed class TransportTestHost : IAsyncLifetime
{
    private const string SigningKey = "transport-tests-signing-key-0123456789-abcdef";

    private WebApplication? app;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public Uri GraphQLAddress => new(BaseAddress, "/graphql");

    public Uri WebSocketAddress => new UriBuilder(GraphQLAddress) { Scheme = "ws" }.Uri;

    public IServiceProvider Services => app?.Services ?? throw new InvalidOperationException("The host has not started.");

    /// <summary>GraphiQL mapped over a folder without the npm assets, to see the page that explains how to build them.</summary>
    public string EmptyGraphiQLRoot { get; } = Directory.CreateTempSubdirectory("graphiql-empty-").FullName;

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public string IssueToken(string subject) =>
        Services.GetRequiredService<TokenIssuer>().Issue(new Actor(subject, ActorRole.Citizen, null, null));

    /// <summary>A token that was valid for an hour, two hours ago.</summary>
    public string IssueExpiredToken(string subject) =>
        new TokenIssuer(Services.GetRequiredService<TokenKeys>(), new FixedTimeProvider(DateTimeOffset.UtcNow.AddHours(-2)))
            .Issue(new Actor(subject, ActorRole.Citizen, null, null), TimeSpan.FromHours(1));

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Testing",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:SigningKey"] = SigningKey });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.AddActorsAuthentication();
        builder.Services.AddSingleton<MutationLog>();
        builder.Services.AddGraphQLLimits(builder.Configuration);
        builder.Services.Configure<GraphQLTransportOptions>(options => options.ConnectionInitTimeout = TimeSpan.FromSeconds(1));
        builder.Services.AddGraphQL(graphql => graphql
            .AddSchema<TransportTestSchema>()
            .AddSystemTextJson()
            .AddComplexityAnalyzer(complexity => complexity.MaxDepth = 6));

        app = builder.Build();
        app.MapGraphQLTransport();
        app.MapGraphiQL();

        var bundled = Path.Combine(AppContext.BaseDirectory, "wwwroot", "graphiql");
        foreach (var page in new[] { "index.html", "assets-missing.html" })
        {
            File.Copy(Path.Combine(bundled, page), Path.Combine(EmptyGraphiQLRoot, page), overwrite: true);
        }

        app.MapGraphiQL("/graphiql-empty", EmptyGraphiQLRoot);

        await app.StartAsync();
        BaseAddress = new Uri(app.Urls.First());
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        Directory.Delete(EmptyGraphiQLRoot, recursive: true);
    }
}
