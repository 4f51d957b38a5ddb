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

        var subject = principal.FindFirst(Subject)?.Value ?? principal.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        var role = ParseRole(principal.FindFirst(Role)?.Value ?? principal.FindFirst(ClaimTypes.Role)?.Value);
        if (string.IsNullOrWhiteSpace(subject) || role is null)
        {
            return null;
        }

        return new Actor(
            subject,
            role.Value,
            NullIfEmpty(principal.FindFirst(CenterId)?.Value),
            NullIfEmpty(principal.FindFirst(Governorate)?.Value),
            principal.FindFirst(Issuer)?.Value ?? "",
            NullIfEmpty(principal.FindFirst(NationalIdNumber)?.Value));
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
