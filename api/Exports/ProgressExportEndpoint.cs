using System.Globalization;
using Actors.Api.Identity;
using Actors.Api.Progress;
using Actors.Api.Requests;
using Actors.Contracts.Errors;
using Actors.Contracts.Geography;
using Actors.Contracts.Requests;
using Actors.Contracts.Requests.Index;
using GraphQL;

namespace Actors.Api.Exports;

/// <summary>
/// GET /exports/progress.csv?groupBy=STATUS&amp;groupBy=GOVERNORATE&amp;kind=…&amp;status=…&amp;governorate=…&amp;schoolCode=…
/// &amp;submittedFrom=yyyy-MM-dd&amp;submittedTo=yyyy-MM-dd: the <c>progress</c> query as CSV (<see cref="ProgressCsv"/>), with the
/// same bearer token, scope and suppression. Repeating kind, status or governorate means any of them; submission days
/// are Africa/Tunis days, both inclusive.
/// </summary>
public static class ProgressExportEndpoint
{
    public const string Route = "/exports/progress.csv";

    public static WebApplication MapProgressExport(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(Route, Export).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> Export(HttpContext context, IRequestIndex index, ProgressAnswers answers, TimeProvider clock)
    {
        context.Response.Headers.CacheControl = "no-store";
        if (ActorClaims.ToActor(context.User) is not { } actor)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return Refusal(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthenticated, "Sign in first (Authorization: Bearer <token>).");
        }

        if (!ProgressReport.Readers.Contains(actor.Role))
        {
            return Refusal(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, "This role does not read progress.");
        }

        var query = context.Request.Query;
        var problems = new List<string>();
        var groupBy = Values<RequestDimension>(query["groupBy"], "groupBy", problems);
        var where = new RequestWhere
        {
            Kinds = Values<RequestKind>(query["kind"], "kind", problems),
            Statuses = Values<RequestStatus>(query["status"], "status", problems),
            Governorates = [.. query["governorate"].OfType<string>()],
            SchoolCode = query["schoolCode"].FirstOrDefault() is { Length: > 0 } school ? school : null,
            SubmittedFromDay = Day(query["submittedFrom"].FirstOrDefault(), "submittedFrom", problems),
            SubmittedToDay = Day(query["submittedTo"].FirstOrDefault(), "submittedTo", problems),
        };
        problems.AddRange(where.Governorates.Where(g => Governorates.Find(g) is null).Select(g => $"governorate: unknown code '{g}'."));
        var unknown = query.Keys.Except(["groupBy", "kind", "status", "governorate", "schoolCode", "submittedFrom", "submittedTo"], StringComparer.Ordinal);
        problems.AddRange(unknown.Select(k => $"{k}: not a parameter of this export."));
        if (problems.Count > 0)
        {
            return Refusal(StatusCodes.Status400BadRequest, ErrorCodes.BadUserInput, string.Join(" ", problems));
        }

        RequestProgress progress;
        try
        {
            progress = await ProgressReport.ReadAsync(index, answers, clock, actor, where, groupBy, context.RequestAborted);
        }
        catch (ExecutionError error) when (error.Code == ErrorCodes.Forbidden)
        {
            return Refusal(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, error.Message);
        }
        catch (ExecutionError error)
        {
            return Refusal(StatusCodes.Status400BadRequest, error.Code ?? ErrorCodes.BadUserInput, error.Message);
        }

        var csv = ProgressCsv.Write(progress, [.. groupBy.Distinct()]);
        context.Response.Headers.XContentTypeOptions = "nosniff";
        var name = $"progress-{progress.AsOf.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.csv";
        return Results.File(csv, "text/csv; charset=utf-8", name);
    }

    private static List<TEnum> Values<TEnum>(IEnumerable<string?> values, string parameter, List<string> problems)
        where TEnum : struct, Enum
    {
        var parsed = new List<TEnum>();
        foreach (var value in values.OfType<string>())
        {
            if (ExportNames.Parse<TEnum>(value) is { } known)
            {
                parsed.Add(known);
            }
            else
            {
                var allowed = string.Join(", ", Enum.GetValues<TEnum>().Select(v => ExportNames.Constant(v.ToString())));
                problems.Add($"{parameter}: '{value}' is not one of {allowed}.");
            }
        }

        return parsed;
    }

    private static DateOnly? Day(string? value, string parameter, List<string> problems)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        problems.Add($"{parameter}: '{value}' is not a day (yyyy-MM-dd).");
        return null;
    }

    private static IResult Refusal(int status, string code, string message) =>
        Results.Json(new { code, message }, statusCode: status);
}
