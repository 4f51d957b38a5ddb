using System.Text.Json;
using Actors.Api.Identity;
using Actors.Contracts.Audit;

namespace Actors.Api.Audit;

/// <summary>
/// Audits an HTTP endpoint that returns personal data or changes state, as the GraphQL operations are: who, the
/// endpoint (<c>GET /documents/{number}.pdf</c>), the route values that name the object, the outcome (OK, or the
/// <c>code</c> of the refusal the endpoint answered with, else <c>HTTP_{status}</c>).
/// </summary>
public static class AuditedEndpoint
{
    public static TBuilder Audited<TBuilder>(this TBuilder builder, AuditKind kind, string operation, params string[] objectRouteValues)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter(async (invocation, next) =>
        {
            var http = invocation.HttpContext;
            var result = await next(invocation);
            var step = new AuditedStep(kind, operation);
            foreach (var name in objectRouteValues)
            {
                step.Touched(http.GetRouteValue(name)?.ToString(), null);
            }

            if (OutcomeOf(result, http) is { } failure)
            {
                step.Failed(failure);
            }

            var recorder = http.RequestServices.GetRequiredService<AuditRecorder>();
            if (!await recorder.TryRecordAsync(ActorClaims.ToActor(http.User), http.Connection.RemoteIpAddress?.ToString() ?? "unknown", [step]))
            {
                return Results.Json(new { code = AuditErrors.Unavailable, message = AuditErrors.NotRecorded().Message }, statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            return result;
        });
        return builder;
    }

    private static string? OutcomeOf(object? result, HttpContext http)
    {
        var status = result is IStatusCodeHttpResult { StatusCode: { } code } ? code : http.Response.StatusCode;
        if (status < 400)
        {
            return null;
        }

        if (result is IValueHttpResult { Value: { } value }
            && JsonSerializer.SerializeToElement(value).TryGetProperty("code", out var refusal)
            && refusal.ValueKind == JsonValueKind.String)
        {
            return refusal.GetString();
        }

        return $"HTTP_{status}";
    }
}
