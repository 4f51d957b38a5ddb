using Actors.Api.Audit;
using Actors.Api.Documents.Printing;
using Actors.Api.Identity;
using Actors.Contracts.Audit;
using Actors.Contracts.Documents;
using Actors.Contracts.Errors;
using Actors.Contracts.Naming;
using Actors.SignedDocuments;
using Microsoft.AspNetCore.Mvc;

namespace Actors.Api.Documents;

/// <summary>
/// GET /documents/{number}.pdf: the printable bulletin for its owner (bearer token) or for whoever holds a
/// one-time link (?link=…). A revoked or superseded document is gone (410), with why.
/// </summary>
public static class DocumentPdfEndpoint
{
    public static WebApplication MapDocumentPdfs(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(DocumentPaths.PdfRoute, Download).ExcludeFromDescription().Audited(AuditKind.Read, "GET " + DocumentPaths.PdfRoute, "number");
        return app;
    }

    private static async Task<IResult> Download(
        string number, [FromQuery] string? link, HttpContext context, IGrainFactory grains, IConfiguration configuration)
    {
        context.Response.Headers.CacheControl = "no-store";
        var normalized = DocumentNumbers.Normalize(number);
        if (normalized is null)
        {
            return Refusal(StatusCodes.Status404NotFound, ErrorCodes.NotFound, "No document has this number.");
        }

        var document = grains.Reference<IIssuedDocumentGrain>(normalized);
        IssuedDocument? found;
        if (link is not null)
        {
            found = await document.RedeemDownloadLink(link);
            if (found is null)
            {
                return Refusal(StatusCodes.Status410Gone, "LINK_NOT_VALID",
                    "This download link is unknown, already used or expired: ask for a new one (createDocumentDownloadLink).");
            }
        }
        else
        {
            if (ActorClaims.ToActor(context.User) is not { } actor)
            {
                context.Response.Headers.WWWAuthenticate = "Bearer";
                return Refusal(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthenticated,
                    "Sign in first (Authorization: Bearer <token>), or use a one-time link from createDocumentDownloadLink.");
            }

            found = await document.Read(actor);
            if (found is null)
            {
                return Refusal(StatusCodes.Status404NotFound, ErrorCodes.NotFound, "No document with this number is yours to download.");
            }
        }

        if (found.Status is DocumentStatus.Revoked or DocumentStatus.Superseded)
        {
            var why = found.Status == DocumentStatus.Revoked
                ? "This document was revoked: it is no longer valid and is not printed."
                : $"This document was replaced by a newer extract ({found.SupersededBy}): download that one.";
            return Refusal(StatusCodes.Status410Gone, found.Status == DocumentStatus.Revoked ? "DOCUMENT_REVOKED" : "DOCUMENT_SUPERSEDED", why);
        }

        var payload = new DocumentPayload(
            found.Number, DocumentPayload.CriminalRecordExtract, found.Issuer, found.GivenName, found.FamilyName,
            found.GivenNameLatin, found.FamilyNameLatin, found.BirthDate, DocumentPayload.NoEntries, found.IssuedAt, found.ValidUntil);
        var pdf = BulletinPdf.Render(new PrintedBulletin(payload, found.QrText, VerificationAddress(context, configuration)));
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(pdf, "application/pdf", $"bulletin-3-{found.Number}.pdf");
    }

    /// <summary>The address printed under the QR code: configured for production, else this server's own /verify.</summary>
    private static string VerificationAddress(HttpContext context, IConfiguration configuration) =>
        configuration["Documents:VerificationAddress"] is { Length: > 0 } configured
            ? configured
            : $"{context.Request.Scheme}://{context.Request.Host}/verify";

    private static IResult Refusal(int status, string code, string message) =>
        Results.Json(new { code, message }, statusCode: status);
}
