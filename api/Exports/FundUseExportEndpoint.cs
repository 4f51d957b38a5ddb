using System.Globalization;
using Actors.Api.Funds;
using Actors.Api.Identity;
using Actors.Contracts.Errors;
using Actors.Contracts.Funds;
using Actors.Contracts.Funds.Index;
using GraphQL;

namespace Actors.Api.Exports;

/// <summary>
/// GET /exports/fund-use.csv?year=2026&amp;groupBy=PROGRAMME,GOVERNORATE&amp;programme=ROADS&amp;governorate=SFAX: the <c>fundUse</c>
/// query as CSV (<see cref="FundUseCsv"/>), with the same bearer token and scope. groupBy takes a comma-separated list
/// or repeats.
/// </summary>
public static class FundUseExportEndpoint
{
    public const string Route = "/exports/fund-use.csv";

    private static readonly string[] Parameters = ["year", "groupBy", "programme", "governorate"];

    public static WebApplication MapFundUseExport(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(Route, Export).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> Export(HttpContext context, IAllocationIndex index, FundLookup funds, TimeProvider clock)
    {
        context.Response.Headers.CacheControl = "no-store";
        if (ActorClaims.ToActor(context.User) is not { } actor)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return Refusal(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthenticated, "Sign in first (Authorization: Bearer <token>).");
        }

        if (!FundUseReader.Readers.Contains(actor.Role))
        {
            return Refusal(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, "This role does not read the fund's use.");
        }

        var query = context.Request.Query;
        var problems = new List<string>();
        var yearText = query["year"].FirstOrDefault();
        var year = 0;
        if (string.IsNullOrEmpty(yearText) || !int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out year))
        {
            problems.Add("year: required, a year such as 2026.");
        }

        var groupBy = new List<AllocationDimension>();
        foreach (var value in query["groupBy"].OfType<string>().SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            if (ExportNames.Parse<AllocationDimension>(value) is { } dimension)
            {
                groupBy.Add(dimension);
            }
            else
            {
                problems.Add($"groupBy: '{value}' is not one of PROGRAMME, GOVERNORATE.");
            }
        }

        var where = new FundUseWhere();
        if (query["programme"].FirstOrDefault() is { Length: > 0 } programmeText)
        {
            if (ExportNames.Parse<FundProgrammeCode>(programmeText) is { } programme)
            {
                where.Programme = programme;
            }
            else
            {
                var allowed = string.Join(", ", Enum.GetValues<FundProgrammeCode>().Select(v => ExportNames.Constant(v.ToString())));
                problems.Add($"programme: '{programmeText}' is not one of {allowed}.");
            }
        }

        where.Governorate = query["governorate"].FirstOrDefault() is { Length: > 0 } governorate ? governorate : null;
        problems.AddRange(query.Keys.Except(Parameters, StringComparer.Ordinal).Select(k => $"{k}: not a parameter of this export."));
        problems.AddRange(Parameters.Where(p => p != "groupBy" && query[p].Count > 1).Select(p => $"{p}: give it once."));
        if (problems.Count > 0)
        {
            return Refusal(StatusCodes.Status400BadRequest, ErrorCodes.BadUserInput, string.Join(" ", problems));
        }

        FundUseReport report;
        try
        {
            report = await FundUseReader.ReadAsync(index, funds, clock, actor, year, where, groupBy, context.RequestAborted);
        }
        catch (ExecutionError error) when (error.Code == ErrorCodes.Forbidden)
        {
            return Refusal(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, error.Message);
        }
        catch (ExecutionError error) when (error.Code == ErrorCodes.NotFound)
        {
            return Refusal(StatusCodes.Status404NotFound, ErrorCodes.NotFound, $"There is no fund for {year}.");
        }
        catch (ExecutionError error)
        {
            return Refusal(StatusCodes.Status400BadRequest, error.Code ?? ErrorCodes.BadUserInput, error.Message);
        }

        var fund = await funds.Fund(year);
        var csv = FundUseCsv.Write(report, fund?.Programmes ?? []);
        context.Response.Headers.XContentTypeOptions = "nosniff";
        var name = string.Create(CultureInfo.InvariantCulture, $"fund-use-{year}-{report.AsOf.UtcDateTime:yyyyMMdd-HHmmss}.csv");
        return Results.File(csv, "text/csv; charset=utf-8", name);
    }

    private static IResult Refusal(int status, string code, string message) =>
        Results.Json(new { code, message }, statusCode: status);
}
