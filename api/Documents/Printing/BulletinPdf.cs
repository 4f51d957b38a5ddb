using SkiaSharp;

namespace Actors.Api.Documents.Printing;

/// <summary>
/// The printable bulletin no. 3: one A4 page in Arabic (right, read right to left) and French (left), the QR code that
/// carries the signed payload, the verification code and address, and how a third party checks it. Everything printed
/// is in the signed payload too: the paper adds nothing the QR code does not prove.
/// </summary>
public static class BulletinPdf
{
    // A4 in PDF points (1/72 in).
    public const float PageWidth = 595;
    public const float PageHeight = 842;

    public static byte[] Render(PrintedBulletin bulletin)
    {
        ArgumentNullException.ThrowIfNull(bulletin);
        var payload = bulletin.Payload;
        using var output = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = $"Bulletin n° 3 — {payload.Number}",
            Creator = "Actors",
            Producer = "Actors",
            Creation = payload.IssuedAt.UtcDateTime,
            Modified = payload.IssuedAt.UtcDateTime,
        };
        using (var document = SKDocument.CreatePdf(output, metadata))
        {
            var canvas = document.BeginPage(PageWidth, PageHeight);
            using var typesetter = new BulletinTypesetter();
            new BulletinPage(canvas, typesetter, bulletin).Draw();
            document.EndPage();
            document.Close();
        }

        return output.ToArray();
    }
}
