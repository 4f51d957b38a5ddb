using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Actors.Api.Audit;
using Actors.Api.GraphQL.Relay;
using Actors.Api.Identity;
using Actors.Contracts.Audit;
using Actors.Contracts.Campaigns;
using Actors.Contracts.Errors;
using Actors.Contracts.Identity;
using Actors.Contracts.Naming;
using Microsoft.AspNetCore.Mvc;

namespace Actors.Api.Campaigns;

/// <summary>
/// POST /campaigns/{id}/enrolments: an EDUCATION_OFFICER sends the Ministry of Education's pupil list as text/csv
/// (UTF-8, with or without BOM; header <see cref="EnrolmentFile.ExpectedHeader"/>). The body is read as a stream, so a
/// 50,000-row file goes in one call; the answer is the import's document, which
/// GET /campaigns/{id}/enrolments/imports/{importId} (or the enrolmentImport query) shows again, also while it runs when
/// the caller chose the import id (?importId=a GUID). The same importId again returns the finished import unchanged.
/// </summary>
public static class EnrolmentEndpoints
{
    public const string Route = "/campaigns/{id}/enrolments";

    /// <summary>camelCase members, statuses as in the schema (RUNNING, COMPLETED, FAILED).</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper) },
    };

    public static WebApplication MapCampaignEnrolments(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost(Route, Import).ExcludeFromDescription().Audited(AuditKind.Mutation, "POST " + Route, "id");
        app.MapGet(Route + "/imports/{importId}", Show).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> Import(
        string id, [FromQuery] string? importId, HttpContext context, IGrainFactory grains, CancellationToken cancellationToken)
    {
        context.Response.Headers.CacheControl = "no-store";
        if (ActorClaims.ToActor(context.User) is not { } actor)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return Refusal(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthenticated, "Sign in first (Authorization: Bearer <token>).");
        }

        if (actor.Role != ActorRole.EducationOfficer)
        {
            return Refusal(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, "Only an EDUCATION_OFFICER imports pupils.");
        }

        if (context.Request.ContentType is not { } type || !type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            return Refusal(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.BadUserInput, "Send the file as text/csv (UTF-8).");
        }

        var campaign = CampaignIdOf(id) is { } campaignId ? await grains.Reference<ICampaignGrain>(campaignId).Find() : null;
        if (campaign is null)
        {
            return Refusal(StatusCodes.Status404NotFound, ErrorCodes.NotFound, "No campaign has this id.");
        }

        var chosen = Guid.Empty;
        if (importId is not null && !Guid.TryParse(importId, out chosen))
        {
            return Refusal(StatusCodes.Status400BadRequest, ErrorCodes.BadUserInput, "importId is a GUID.");
        }

        var import = grains.Reference<IEnrolmentImportGrain>(chosen == Guid.Empty ? Guid.NewGuid() : chosen);
        if (await import.Find() is { } known)
        {
            return known.CampaignId == campaign.Id && known.Status != EnrolmentImportStatus.Running
                ? Results.Json(known, Json)
                : Refusal(StatusCodes.Status409Conflict, "IMPORT_ID_IN_USE", "This importId belongs to another import, or is still running.");
        }

        // The reader drops a UTF-8 BOM; lines are read as they arrive, never the whole body at once.
        using var reader = new StreamReader(context.Request.Body, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        await using var records = EnrolmentCsvReader.Read(reader, cancellationToken).GetAsyncEnumerator(cancellationToken);
        var header = await records.MoveNextAsync() ? records.Current : null;
        if (EnrolmentFile.FromHeader(header, out var problem) is not { } file)
        {
            return Refusal(StatusCodes.Status400BadRequest, ErrorCodes.BadUserInput, problem!, ("expectedHeader", EnrolmentFile.ExpectedHeader));
        }

        await import.Start(campaign.Id, actor);
        context.Response.Headers.Location = $"/campaigns/{id}/enrolments/imports/{import.GetPrimaryKey():D}";
        var result = await new EnrolmentImporter(grains).Import(actor, campaign, file, Rest(records), import, cancellationToken);
        return Results.Json(result, Json);
    }

    private static async Task<IResult> Show(string id, string importId, HttpContext context, IGrainFactory grains)
    {
        context.Response.Headers.CacheControl = "no-store";
        if (ActorClaims.ToActor(context.User) is not { } actor)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return Refusal(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthenticated, "Sign in first (Authorization: Bearer <token>).");
        }

        if (actor.Role is not (ActorRole.EducationOfficer or ActorRole.Supervisor))
        {
            return Refusal(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, "Imports are for EDUCATION_OFFICER and SUPERVISOR.");
        }

        var view = Guid.TryParse(importId, out var guid) ? await grains.Reference<IEnrolmentImportGrain>(guid).Find() : null;
        return view is not null && view.CampaignId == CampaignIdOf(id)
            ? Results.Json(view, Json)
            : Refusal(StatusCodes.Status404NotFound, ErrorCodes.NotFound, "No import of this campaign has this id.");
    }

    /// <summary>The campaign's global id (as GraphQL gives it) or its bare GUID.</summary>
    private static Guid? CampaignIdOf(string id)
    {
        if (Guid.TryParse(id, out var bare))
        {
            return bare;
        }

        return GlobalId.TryDecode(id, out var typeName, out var key) && typeName == CampaignType.TypeName && Guid.TryParseExact(key, "N", out var guid)
            ? guid
            : null;
    }

    private static async IAsyncEnumerable<EnrolmentCsvRecord> Rest(IAsyncEnumerator<EnrolmentCsvRecord> records)
    {
        while (await records.MoveNextAsync())
        {
            yield return records.Current;
        }
    }

    private static IResult Refusal(int status, string code, string message, params (string Key, string Value)[] parameters) =>
        Results.Json(new { code, message, parameters = parameters.ToDictionary(p => p.Key, p => p.Value) }, statusCode: status);
}
