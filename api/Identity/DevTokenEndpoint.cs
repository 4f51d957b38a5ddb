using Actors.Contracts.Centers;
using Actors.Contracts.Errors;
using Actors.Contracts.Geography;
using Actors.Contracts.Identity;
using Actors.Contracts.Naming;

namespace Actors.Api.Identity;

public static class DevTokenEndpoint
{
    /// <summary>
    /// Development only: <c>POST /dev/token</c> issues a token for any role so that every role can be
    /// tried locally. Not mapped in any other environment.
    /// </summary>
    public static WebApplication MapDevTokens(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            return app;
        }

        app.MapPost("/dev/token", async (DevTokenRequest request, TokenIssuer issuer, IGrainFactory grains) =>
        {
            var role = ActorClaims.ParseRole(request.Role);
            if (role is null)
            {
                return Problem($"role must be one of CITIZEN, AGENT, SUPERVISOR, ANALYST, FUND_MANAGER, OPERATOR, EDUCATION_OFFICER.");
            }

            if (string.IsNullOrWhiteSpace(request.Subject) || request.Subject.Length > 128)
            {
                return Problem("subject is required (1 to 128 characters).");
            }

            if (role == ActorRole.Agent)
            {
                if (string.IsNullOrWhiteSpace(request.CenterId)
                    || await grains.Reference<IServiceCenterGrain>(request.CenterId).Find() is null)
                {
                    return Problem("an AGENT token needs the centerId of an existing center.");
                }
            }

            if (role == ActorRole.Supervisor && (request.Governorate is null || !Governorates.Exists(request.Governorate)))
            {
                return Problem("a SUPERVISOR token needs a governorate code, e.g. TUNIS.");
            }

            if (request.NationalIdNumber is not null && (role != ActorRole.Citizen || !IsNationalIdNumber(request.NationalIdNumber)))
            {
                return Problem("nationalIdNumber is for a CITIZEN token: eight digits, e.g. 04567812.");
            }

            var actor = new Actor(request.Subject.Trim(), role.Value, request.CenterId, request.Governorate,
                NationalIdNumber: request.NationalIdNumber);
            return Results.Json(new { token = issuer.Issue(actor) });
        });
        return app;
    }

    private static bool IsNationalIdNumber(string value) => value.Length == 8 && value.All(char.IsAsciiDigit);

    private static IResult Problem(string message) =>
        Results.Json(new { error = message, code = ErrorCodes.BadUserInput }, statusCode: StatusCodes.Status400BadRequest);
}
