using Actors.Api.Identity;
using Actors.Contracts.Identity;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.Tokens;

namespace Actors.Tests.Identity;

/// <summary>
/// The cache of an issuer's keys against a real in-process issuer: fetched once, refetched when a token names an unknown
/// key, but never more than once per refresh interval however many such tokens arrive.
/// </summary>
public sealed class OidcKeyRefreshTests : IAsyncLifetime
{
    private const string Audience = "actors-citizen-app";

    private readonly HttpClient http = new();
    private OidcTestIssuer issuer = null!;

    public async ValueTask InitializeAsync() => issuer = await OidcTestIssuer.StartAsync("citizens");

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await issuer.DisposeAsync();
    }

    private BearerTokenValidator Validator(TimeSpan keyRefreshInterval)
    {
        var options = new OidcIssuerOptions
        {
            Authority = issuer.Issuer,
            Audience = Audience,
            Roles = ["CITIZEN"],
            ImpliedRole = "CITIZEN",
            RequireHttpsMetadata = false,
            KeyRefreshInterval = keyRefreshInterval,
        };
        OidcIssuerRules.Check("citizens", options);
        var keys = new OidcIssuerKeys("citizens", options, http, TimeProvider.System, NullLogger.Instance);
        return new BearerTokenValidator(
            [new TrustedIssuer("citizens", issuer.Issuer, Audience, keys, ["RS256", "ES256"], new HashSet<ActorRole> { ActorRole.Citizen }, ActorRole.Citizen, "role")]);
    }

    [Fact]
    public async Task Tokens_naming_made_up_keys_cannot_make_the_API_refetch_more_than_once_per_interval()
    {
        var validator = Validator(TimeSpan.FromHours(1));
        Assert.NotNull((await validator.ValidateAsync(issuer.Issue("c-1", Audience), TestContext.Current.CancellationToken)).Principal);
        Assert.Equal(1, issuer.KeySetReads);

        for (var i = 0; i < 25; i++)
        {
            var madeUp = new RsaSecurityKey(System.Security.Cryptography.RSA.Create(2048)) { KeyId = "made-up-" + i };
            var check = await validator.ValidateAsync(issuer.Issue("c-1", Audience, signWith: madeUp), TestContext.Current.CancellationToken);
            Assert.Null(check.Principal);
        }

        Assert.Equal(1, issuer.KeySetReads);
    }

    [Fact]
    public async Task The_token_that_reveals_a_rotation_is_accepted_at_once_when_the_interval_has_passed()
    {
        var validator = Validator(TimeSpan.FromSeconds(1));
        Assert.NotNull((await validator.ValidateAsync(issuer.Issue("c-1", Audience), TestContext.Current.CancellationToken)).Principal);
        issuer.Rotate();

        // Past the interval (generously, under any load), the first token with the new key makes one refetch and passes.
        await Task.Delay(TimeSpan.FromSeconds(1.5), TestContext.Current.CancellationToken);
        var check = await validator.ValidateAsync(issuer.Issue("c-1", Audience, algorithm: SecurityAlgorithms.EcdsaSha256), TestContext.Current.CancellationToken);

        Assert.True(check.Principal is not null, check.Failure?.Message);
        Assert.Equal(2, issuer.KeySetReads);
    }

    [Fact]
    public async Task A_discovery_document_naming_another_issuer_is_not_trusted()
    {
        var options = new OidcIssuerOptions
        {
            Authority = issuer.Issuer,
            Issuer = "https://login.example/citizens",
            Audience = Audience,
            Roles = ["CITIZEN"],
            RequireHttpsMetadata = false,
        };
        var keys = new OidcIssuerKeys("citizens", options, http, TimeProvider.System, NullLogger.Instance);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => keys.GetAsync(TestContext.Current.CancellationToken));

        Assert.Contains("names the issuer", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("JANITOR", null, "Auth:Issuers:citizens:Roles: JANITOR is not a role of this API")]
    [InlineData("CITIZEN", "AGENT", "Auth:Issuers:citizens:ImpliedRole: AGENT must be one of its Roles")]
    public void A_misconfigured_issuer_stops_the_host_naming_the_key(string role, string? implied, string expected)
    {
        var options = new OidcIssuerOptions { Authority = "https://login.example/citizens", Audience = Audience, Roles = [role], ImpliedRole = implied };

        var error = Assert.Throws<InvalidOperationException>(() => OidcIssuerRules.Check("citizens", options));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Symmetric_algorithms_are_refused_for_an_OpenID_Connect_issuer()
    {
        var options = new OidcIssuerOptions { Authority = "https://login.example/citizens", Audience = Audience, Roles = ["CITIZEN"], Algorithms = ["HS256"] };

        var error = Assert.Throws<InvalidOperationException>(() => OidcIssuerRules.Check("citizens", options));

        Assert.Contains("Auth:Issuers:citizens:Algorithms", error.Message, StringComparison.Ordinal);
    }
}
