using System.Security.Claims;
using Actors.Contracts.Identity;

namespace Actors.Api.Identity;

/// <summary>The claims our tokens carry, and how they become the <see cref="Actor"/> passed to grains.</summary>
public static class ActorClaims
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string CenterId = "center_id";
    public const string Governorate = "governorate";
    public const string Issuer = "iss";
    public const string NationalIdNumber = "national_id";

    public static string ToWire(ActorRole role) => role switch
    {
        ActorRole.FundManager => "FUND_MANAGER",
        ActorRole.EducationOfficer => "EDUCATION_OFFICER",
        _ => role.ToString().ToUpperInvariant(),
    };

    public static ActorRole? ParseRole(string? wire) => wire switch
    {
        "CITIZEN" => ActorRole.Citizen,
        "AGENT" => ActorRole.Agent,
        "SUPERVISOR" => ActorRole.Supervisor,
        "ANALYST" => ActorRole.Analyst,
        "FUND_MANAGER" => ActorRole.FundManager,
        "OPERATOR" => ActorRole.Operator,
        "EDUCATION_OFFICER" => ActorRole.EducationOfficer,
        _ => null,
    };

    /// <summary>The actor of an authenticated principal, or null when the token lacks a subject or a known role.</summary>
    public static Actor? ToActor(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        // One pass over the claims, the first of each type winning as FindFirst would: a request asks for its actor a few
        // times (rate limits, the authorization gate, GraphQL's context), and a FindFirst per claim walked them all each time.
        string? subject = null, nameIdentifier = null, role = null, roleClaim = null, center = null, governorate = null, issuer = null, nationalId = null;
        foreach (var identity in principal.Identities)
        {
            foreach (var claim in identity.Claims)
            {
                // Claim types compared as FindFirst compares them: ignoring case.
                var type = claim.Type;
                if (Is(type, Subject)) { subject ??= claim.Value; }
                else if (Is(type, ClaimTypes.NameIdentifier)) { nameIdentifier ??= claim.Value; }
                else if (Is(type, Role)) { role ??= claim.Value; }
                else if (Is(type, ClaimTypes.Role)) { roleClaim ??= claim.Value; }
                else if (Is(type, CenterId)) { center ??= claim.Value; }
                else if (Is(type, Governorate)) { governorate ??= claim.Value; }
                else if (Is(type, Issuer)) { issuer ??= claim.Value; }
                else if (Is(type, NationalIdNumber)) { nationalId ??= claim.Value; }
            }
        }

        subject ??= nameIdentifier;
        var parsedRole = ParseRole(role ?? roleClaim);
        if (string.IsNullOrWhiteSpace(subject) || parsedRole is null)
        {
            return null;
        }

        return new Actor(subject, parsedRole.Value, NullIfEmpty(center), NullIfEmpty(governorate), issuer ?? "", NullIfEmpty(nationalId));
    }

    private static bool Is(string type, string wanted) => string.Equals(type, wanted, StringComparison.OrdinalIgnoreCase);

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
