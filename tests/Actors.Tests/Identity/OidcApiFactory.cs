using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Actors.Tests.Infrastructure;

namespace Actors.Tests.Identity;

/// <summary>
/// The real API host (Development, so the local issuer and /dev/token stay on) trusting two OpenID Connect issuers as a
/// deployment would: "citizens" may assert CITIZEN only (implied when its tokens carry no role), "staff" the staff roles.
/// Keys may be refetched once a second, so that a rotation shows within a test.
/// </summary>
public sealed class OidcApiFactory(OidcTestIssuer citizens, OidcTestIssuer staff) : ApiFactory
{
    public const string CitizensAudience = "actors-citizen-app";
    public const string StaffAudience = "actors-staff-app";

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Pathway:Automatic"] = "false",
        ["Auth:Issuers:citizens:Authority"] = citizens.Issuer,
        ["Auth:Issuers:citizens:Audience"] = CitizensAudience,
        ["Auth:Issuers:citizens:Roles:0"] = "CITIZEN",
        ["Auth:Issuers:citizens:ImpliedRole"] = "CITIZEN",
        ["Auth:Issuers:citizens:RequireHttpsMetadata"] = "false",
        ["Auth:Issuers:citizens:KeyRefreshInterval"] = "00:00:01",
        ["Auth:Issuers:staff:Authority"] = staff.Issuer,
        ["Auth:Issuers:staff:Audience"] = StaffAudience,
        ["Auth:Issuers:staff:Roles:0"] = "AGENT",
        ["Auth:Issuers:staff:Roles:1"] = "SUPERVISOR",
        ["Auth:Issuers:staff:Roles:2"] = "ANALYST",
        ["Auth:Issuers:staff:Roles:3"] = "OPERATOR",
        ["Auth:Issuers:staff:RequireHttpsMetadata"] = "false",
        ["Auth:Issuers:staff:KeyRefreshInterval"] = "00:00:01",
    };

    /// <summary>POSTs a GraphQL operation; the status and the body.</summary>
    public async Task<(HttpStatusCode Status, JsonNode Body)> Post(string query, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query }) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await Http.SendAsync(request, TestContext.Current.CancellationToken);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        return (response.StatusCode, body);
    }
}
