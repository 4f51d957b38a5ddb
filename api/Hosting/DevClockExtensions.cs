using System.Globalization;
using System.Xml;
using Actors.Api.Identity;
using Actors.ServiceDefaults;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Actors.Api.Hosting;

/// <summary>
/// Development, embedded mode only: the co-hosted silo reads a clock that <c>POST /dev/clock</c> moves forward (the embedded
/// silo registers it, <see cref="EmbeddedSilo"/>), so that a
/// frontend developer can walk a request to its appointment's day, past a deadline or a service-level target without
/// waiting. Tokens are issued and checked on the real clock, so they stay valid across a move. Never in other environments.
/// </summary>
public static class DevClockExtensions
{
    public static WebApplicationBuilder AddActorsDevClock(this WebApplicationBuilder builder)
    {
        if (!IsOn(builder.Environment, builder.Configuration))
        {
            return builder;
        }

        builder.Services.AddSingleton(sp => new TokenIssuer(sp.GetRequiredService<TokenKeys>(), TimeProvider.System));
        builder.Services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o => o.TimeProvider = TimeProvider.System);
        return builder;
    }

    public static WebApplication MapActorsDevClock(this WebApplication app)
    {
        if (!IsOn(app.Environment, app.Configuration))
        {
            return app;
        }

        app.MapGet("/dev/clock", (TimeProvider clock) => Now(clock));
        app.MapPost("/dev/clock", (DevClockRequest request, TimeProvider clock) =>
        {
            if (clock is not RehearsalClock movable)
            {
                return Results.Problem("This host's clock cannot be moved.", statusCode: StatusCodes.Status409Conflict);
            }

            TimeSpan by;
            if (request.AdvanceTo is { } to)
            {
                by = to - movable.GetUtcNow();
            }
            else if (!TryDuration(request.AdvanceBy, out by))
            {
                return Results.Problem("Give advanceTo (an ISO-8601 instant) or advanceBy (e.g. P2D, PT3H or 2.00:00:00).", statusCode: StatusCodes.Status400BadRequest);
            }

            if (by < TimeSpan.Zero)
            {
                return Results.Problem("The clock only moves forward: a deadline must never pass twice.", statusCode: StatusCodes.Status400BadRequest);
            }

            movable.Advance(by);
            return Now(movable);
        });
        return app;
    }

    private static bool IsOn(IHostEnvironment environment, IConfiguration configuration) =>
        environment.IsDevelopment() && HostingMode.IsEmbedded(configuration);

    private static IResult Now(TimeProvider clock) => Results.Json(new
    {
        now = clock.GetUtcNow(),
        offset = clock is RehearsalClock movable ? movable.Offset.ToString("c", CultureInfo.InvariantCulture) : "00:00:00",
    });

    private static bool TryDuration(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration))
        {
            return true;
        }

        try
        {
            duration = XmlConvert.ToTimeSpan(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
