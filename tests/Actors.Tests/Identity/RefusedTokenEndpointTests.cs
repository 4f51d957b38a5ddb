using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Actors.Api.Identity;
using Actors.Contracts.Identity;
using Actors.Tests.Infrastructure;
using Actors.Tests.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Actors.Tests.Identity;

/// <summary>
/// A bearer token that does not authenticate is answered 401 with why on the HTTP endpoints besides /graphql (a
/// download, an export, an upload), never taken for an anonymous call that the endpoint would answer its own way.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RefusedTokenEndpointTests(ApiFactory api)
{
    public static TheoryData<string, string> Endpoints => new()
    {
        { "GET", "/documents/AUD42-ABCDE-FGHIJ.pdf" },
        { "GET", "/exports/progress.csv?groupBy=STATUS" },
        { "POST", "/campaigns/" + Guid.NewGuid().ToString("N") + "/enrolments" },
    };

    private TokenKeys Keys => api.Services.GetRequiredService<TokenKeys>();

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task An_expired_token_is_refused_as_expired(string method, string path)
    {
        var expired = new TokenIssuer(Keys, new FixedTimeProvider(DateTimeOffset.UtcNow.AddHours(-2)))
            .Issue(new Actor("analyst-expired", ActorRole.Analyst, null, null), TimeSpan.FromHours(1));

        var message = await AssertRefusedAsync(method, path, expired);

        Assert.Equal("The access token has expired.", message);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_token_with_a_role_this_api_does_not_know_is_refused_naming_the_role(string method, string path)
    {
        var message = await AssertRefusedAsync(method, path, Signed(Keys.SigningKey, "JANITOR"));

        Assert.Equal("The access token is refused: the token's role JANITOR is not a role of this API.", message);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_token_signed_with_another_key_is_refused(string method, string path)
    {
        var forged = Signed(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(48)), "ANALYST");

        var message = await AssertRefusedAsync(method, path, forged);

        Assert.StartsWith("The access token is refused: ", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_valid_token_and_no_token_still_reach_the_endpoint()
    {
        using var exported = await SendAsync("GET", "/exports/progress.csv?groupBy=STATUS", await api.Token("ANALYST", "analyst-refusals"));
        Assert.Equal(HttpStatusCode.OK, exported.StatusCode);

        // Without a token the download answers its own way: it also takes one-time links.
        using var anonymous = await SendAsync("GET", "/documents/AUD42-ABCDE-FGHIJ.pdf", null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var body = await anonymous.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        Assert.Contains("one-time link", body!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private async Task<string> AssertRefusedAsync(string method, string path, string token)
    {
        using var response = await SendAsync(method, path, token);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        Assert.Equal("UNAUTHENTICATED", body!["code"]!.GetValue<string>());
        return body["message"]!.GetValue<string>();
    }

    private async Task<HttpResponseMessage> SendAsync(string method, string path, string? token)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (method == "POST")
        {
            request.Content = new StringContent("nationalId,givenName\n", System.Text.Encoding.UTF8, "text/csv");
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await api.Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>A token of the local issuer, as /dev/token would make it, with whatever role and key.</summary>
    private string Signed(SecurityKey key, string role)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Keys.Options.Issuer,
            Audience = Keys.Options.Audience,
            Subject = new ClaimsIdentity([new Claim(ActorClaims.Subject, "refused-" + role.ToLowerInvariant()), new Claim(ActorClaims.Role, role)]),
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(10),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }
}
