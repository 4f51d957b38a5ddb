using System.Security.Claims;

namespace Actors.Api.Identity;

/// <summary>The outcome of checking a bearer token: the caller, or why the token is refused.</summary>
public sealed record TokenCheck(ClaimsPrincipal? Principal, Exception? Failure)
{
    public static TokenCheck Accepted(ClaimsPrincipal principal) => new(principal, null);

    public static TokenCheck Refused(string reason) => new(null, new TokenRefusedException(reason));

    public static TokenCheck Refused(Exception failure) => new(null, failure);
}
