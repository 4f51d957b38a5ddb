using Actors.Api.Identity;
using Actors.Contracts.Errors;
using Actors.Contracts.Naming;

namespace Actors.Api.Authorization;

/// <summary>
/// The matrix's verdict on HTTP endpoints, before the endpoint runs: 401 for an anonymous caller, 403 for a role,
/// when the row says NONE. An endpoint without a row is refused to everybody; the matrix test names it. The
/// endpoints keep their own finer checks (the owner of a document, a supervisor's governorate).
/// </summary>
public sealed class AuthorizationEndpointGate(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } route })
        {
            var rule = AuthorizationMatrix.For(AuthorizationMatrix.EndpointCoordinate(context.Request.Method, route));
            var caller = ActorClaims.ToActor(context.User);
            if (rule.For(caller) == AccessScope.None)
            {
                if (caller is null)
                {
                    context.Response.Headers.WWWAuthenticate = "Bearer";
                    await Results.Json(new { code = ErrorCodes.Unauthenticated, message = "Sign in first (Authorization: Bearer <token>)." },
                        statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(context);
                    return;
                }

                var allowed = string.Join(", ", rule.AllowedRoles.Select(SchemaText.Of));
                await Results.Json(new { code = ErrorCodes.Forbidden, message = $"{rule.Coordinate} is not for the role {SchemaText.Of(caller.Role)}" + (allowed.Length > 0 ? $"; it needs one of the roles {allowed}." : ".") },
                    statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(context);
                return;
            }
        }

        await next(context);
    }
}
