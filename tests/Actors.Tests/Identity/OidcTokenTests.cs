using System.Net;
using System.Text.Json.Nodes;
using Actors.Api.Identity;
using Actors.Contracts.Identity;
using Actors.Tests.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Actors.Tests.Identity;

/// <summary>
/// The API host trusting two OpenID Connect issuers (citizens, staff) besides its local one: each token is checked
/// against the issuer it names only, with that issuer's keys (fetched from its JWKS, refetched when it rotates), audience
/// and roles; anything else is a 401 that says why.
/// </summary>
public sealed class OidcTokenTests(OidcFixture oidc) : IClassFixture<OidcFixture>
{
    private const string OwnRequests = "{ requests { totalCount } }";

    private OidcApiFactory Api => oidc.Api;

    private static string Subject() => "sub-" + Guid.NewGuid().ToString("N")[..10];

    private string CitizenToken(string algorithm = SecurityAlgorithms.RsaSha256) =>
        oidc.Citizens.Issue(Subject(), OidcApiFactory.CitizensAudience, algorithm: algorithm);

    private static void AssertAccepted((HttpStatusCode Status, JsonNode Body) answer)
    {
        Assert.True(answer.Status == HttpStatusCode.OK && answer.Body["errors"] is null, $"{(int)answer.Status}: {answer.Body.ToJsonString()}");
        Assert.Equal(0, answer.Body["data"]!["requests"]!["totalCount"]!.GetValue<int>());
    }

    private static string AssertRefused((HttpStatusCode Status, JsonNode Body) answer)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        var error = answer.Body["errors"]![0]!;
        Assert.Equal("UNAUTHENTICATED", error["extensions"]!["code"]!.GetValue<string>());
        return error["message"]!.GetValue<string>();
    }

    [Theory]
    [InlineData(SecurityAlgorithms.RsaSha256)]
    [InlineData(SecurityAlgorithms.EcdsaSha256)]
    public async Task A_citizen_token_of_the_citizens_issuer_is_a_citizen(string algorithm)
    {
        AssertAccepted(await Api.Post(OwnRequests, CitizenToken(algorithm)));
    }

    [Fact]
    public async Task A_staff_token_of_the_staff_issuer_carries_its_role()
    {
        var token = oidc.Staff.Issue(Subject(), OidcApiFactory.StaffAudience, role: "SUPERVISOR",
            claims: new Dictionary<string, object> { ["governorate"] = "TUNIS" });

        var actor = await ActorOf(token);

        Assert.Equal(ActorRole.Supervisor, actor.Role);
        Assert.Equal("TUNIS", actor.Governorate);
        Assert.Equal(oidc.Staff.Issuer, actor.Issuer);
    }

    [Fact]
    public async Task The_local_issuer_still_works_beside_them()
    {
        AssertAccepted(await Api.Post(OwnRequests, await Api.Token("CITIZEN", Subject())));
    }

    [Fact]
    public void The_local_issuer_signs_with_the_key_this_machine_generated()
    {
        var file = Path.Combine(Api.DocumentKeyDirectory, "token-keys", TokenSigningKeyStore.FileName);

        Assert.Equal(Convert.FromBase64String(File.ReadAllText(file).Trim()), Api.Services.GetRequiredService<TokenKeys>().SigningKey.Key);
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var token = oidc.Citizens.Issue(Subject(), OidcApiFactory.CitizensAudience, expires: DateTimeOffset.UtcNow.AddMinutes(-5));

        Assert.Contains("expired", AssertRefused(await Api.Post(OwnRequests, token)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_under_the_issuer_s_kid_is_refused()
    {
        var stranger = new RsaSecurityKey(System.Security.Cryptography.RSA.Create(2048)) { KeyId = oidc.Citizens.RsaKeyId };
        var token = oidc.Citizens.Issue(Subject(), OidcApiFactory.CitizensAudience, signWith: stranger);

        Assert.Contains("signature", AssertRefused(await Api.Post(OwnRequests, token)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_of_an_issuer_the_API_does_not_trust_is_refused()
    {
        var token = oidc.Citizens.Issue(Subject(), OidcApiFactory.CitizensAudience, issuer: "https://elsewhere.example/realms/citizens");

        Assert.Contains("issuer is not one this API trusts", AssertRefused(await Api.Post(OwnRequests, token)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_of_one_issuer_naming_the_other_is_checked_with_the_other_s_keys_and_refused()
    {
        // Signed by staff, claiming to come from citizens: only the citizens' keys are tried, and none of them signed it.
        var token = oidc.Staff.Issue(Subject(), OidcApiFactory.CitizensAudience, issuer: oidc.Citizens.Issuer);

        Assert.Contains("issuer 'citizens'", AssertRefused(await Api.Post(OwnRequests, token)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_for_another_audience_is_refused()
    {
        // The staff application's audience is valid for the staff issuer, not for the citizens' one.
        var token = oidc.Citizens.Issue(Subject(), OidcApiFactory.StaffAudience);

        Assert.Contains("audience", AssertRefused(await Api.Post(OwnRequests, token)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_role_the_API_does_not_know_is_refused_not_taken_for_anonymous()
    {
        var token = oidc.Staff.Issue(Subject(), OidcApiFactory.StaffAudience, role: "JANITOR");

        Assert.Contains("the token's role JANITOR is not a role of this API", AssertRefused(await Api.Post(OwnRequests, token)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_role_the_issuer_may_not_assert_is_refused()
    {
        var token = oidc.Citizens.Issue(Subject(), OidcApiFactory.CitizensAudience, role: "SUPERVISOR");

        Assert.Contains("not one issuer 'citizens' may assert", AssertRefused(await Api.Post(OwnRequests, token)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_staff_token_without_a_role_is_refused()
    {
        var token = oidc.Staff.Issue(Subject(), OidcApiFactory.StaffAudience);

        Assert.Contains("no role", AssertRefused(await Api.Post(OwnRequests, token)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_local_token_with_an_unknown_role_is_refused_too()
    {
        var keys = Api.Services.GetRequiredService<TokenKeys>();
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = keys.Options.Issuer,
            Audience = keys.Options.Audience,
            Claims = new Dictionary<string, object> { ["sub"] = Subject(), ["role"] = "ROOT" },
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new SigningCredentials(keys.SigningKey, SecurityAlgorithms.HmacSha256),
        });

        Assert.Contains("the token's role ROOT is not a role of this API", AssertRefused(await Api.Post(OwnRequests, token)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_role_on_a_WebSocket_closes_it_with_4403()
    {
        var token = oidc.Staff.Issue(Subject(), OidcApiFactory.StaffAudience, role: "JANITOR");
        var address = new UriBuilder(new Uri(Api.BaseAddress, "/graphql")) { Scheme = "ws" }.Uri;
        await using var client = await GraphQLWebSocketTestClient.ConnectAsync(address);

        await client.SendAsync(new { type = "connection_init", payload = new { Authorization = "Bearer " + token } });

        Assert.Equal(4403, (await client.ReceiveCloseAsync()).Code);
    }

    [Fact]
    public async Task After_the_issuer_rotates_its_keys_new_tokens_are_accepted_and_old_ones_refused()
    {
        AssertAccepted(await Api.Post(OwnRequests, CitizenToken()));
        var readsBefore = oidc.Citizens.KeySetReads;
        var old = oidc.Citizens.Rotate();

        // The API refetches the keys at most once a second: the first token may come too soon after the last fetch.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var answer = await Api.Post(OwnRequests, CitizenToken());
        while (answer.Status != HttpStatusCode.OK && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250, TestContext.Current.CancellationToken);
            answer = await Api.Post(OwnRequests, CitizenToken());
        }

        AssertAccepted(answer);
        Assert.True(oidc.Citizens.KeySetReads > readsBefore, "The API accepted the new key without refetching the JWKS.");

        var signedWithOldKey = oidc.Citizens.Issue(Subject(), OidcApiFactory.CitizensAudience, signWith: old.Rsa);
        Assert.Contains("does not publish", AssertRefused(await Api.Post(OwnRequests, signedWithOldKey)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_subject_from_two_issuers_is_two_callers()
    {
        var subject = Subject();
        var citizen = await ActorOf(oidc.Citizens.Issue(subject, OidcApiFactory.CitizensAudience));
        var staff = await ActorOf(oidc.Staff.Issue(subject, OidcApiFactory.StaffAudience, role: "ANALYST"));
        var local = await ActorOf(Api.Services.GetRequiredService<TokenIssuer>().Issue(new Actor(subject, ActorRole.Citizen)));

        Assert.Equal([subject, subject, subject], new[] { citizen.Subject, staff.Subject, local.Subject });
        Assert.Equal(oidc.Citizens.Issuer, citizen.Issuer);
        Assert.Equal(oidc.Staff.Issuer, staff.Issuer);
        Assert.Equal("actors-dev", local.Issuer);
        Assert.NotEqual(citizen, local);
        Assert.Equal(ActorRole.Citizen, citizen.Role);
    }

    private async Task<Actor> ActorOf(string token)
    {
        var check = await Api.Services.GetRequiredService<AccessTokenReader>().CheckAsync(token, TestContext.Current.CancellationToken);
        Assert.True(check.Principal is not null, check.Failure?.Message);
        return ActorClaims.ToActor(check.Principal) ?? throw new InvalidOperationException("An accepted token without an actor.");
    }
}
