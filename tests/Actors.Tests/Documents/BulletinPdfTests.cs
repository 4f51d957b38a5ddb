using Actors.Api.Documents.Printing;
using Actors.SignedDocuments;
using SkiaSharp;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace Actors.Tests.Documents;

/// <summary>
/// The printed bulletin no. 3, read back by tools that did not write it: poppler for the page and its text, ZXing for
/// the QR code on the rasterized page (then verified offline, as a third party would), and the shaped glyphs of an
/// Arabic name.
/// </summary>
public sealed class BulletinPdfTests : IDisposable
{
    private static readonly DateTimeOffset IssuedAt = new(2026, 11, 30, 23, 30, 0, TimeSpan.Zero);

    private readonly SigningKeyRing ring = new("TN-MI", [DocumentSigningKey.Generate(IssuedAt.AddDays(-30))], TimeSpan.FromDays(90));

    private readonly DirectoryInfo scratch = Directory.CreateTempSubdirectory("actors-bulletin-");

    [Fact]
    public async Task The_bulletin_is_one_A4_page_whose_QR_code_scans_back_to_the_signed_text_and_verifies()
    {
        Poppler.Require();
        var bulletin = Bulletin(Payload(latinNames: true));
        var pdf = await Write(BulletinPdf.Render(bulletin));

        var info = await Poppler.Info(pdf);
        Assert.Matches(@"(?m)^Pages:\s+1$", info);
        Assert.Matches(@"(?m)^Page size:\s+595 x 842 pts \(A4\)", info);
        Assert.Matches(@"(?m)^Title:\s+Bulletin n° 3 — 7K2QF-4M7TZ-9XW3C$", info);
        Assert.Matches(@"(?m)^Creator:\s+Actors$", info);

        var scanned = await ScanQr(pdf);
        Assert.Equal(bulletin.QrText, scanned);
        var verification = DocumentVerifier.Verify(scanned, ring.Published(IssuedAt), IssuedAt.AddDays(1));
        Assert.Equal(VerificationVerdict.Valid, verification.Verdict);
        Assert.Equal(bulletin.Payload, verification.Payload);
    }

    [Fact]
    public async Task A_name_too_long_for_its_row_is_set_smaller_or_wrapped_and_the_page_still_reads()
    {
        Poppler.Require();
        var bulletin = Bulletin(Payload(latinNames: true) with
        {
            GivenName = "محمد الهادي بن عبد الرحمان بن محمد الطاهر",
            FamilyName = "بن الحاج علي الصغير القيرواني المنستيري",
            GivenNameLatin = "Mohamed El Hedi Ben Abderrahmane",
            FamilyNameLatin = "Ben El Hadj Ali Esseghir El Kairouani",
        });
        var pdf = await Write(BulletinPdf.Render(bulletin));

        Assert.Matches(@"(?m)^Pages:\s+1$", await Poppler.Info(pdf));
        var printed = await Poppler.Text(pdf);
        Assert.Contains("Mohamed El Hedi Ben Abderrahmane Ben El Hadj Ali Esseghir El", printed);
        Assert.Contains("Kairouani", printed);
        Assert.Equal(bulletin.QrText, await ScanQr(pdf));
    }

    [Fact]
    public async Task Dates_are_printed_as_days_in_Tunis_and_the_Latin_names_only_when_known()
    {
        Poppler.Require();

        // Issued at 23:30 UTC on 30 November: already 1 December in Tunis (UTC+1).
        var withLatin = await Poppler.Text(await Write(BulletinPdf.Render(Bulletin(Payload(latinNames: true)))));
        Assert.Contains("01/12/2026", withLatin);
        Assert.DoesNotContain("30/11/2026", withLatin);
        Assert.Contains("01/03/2027", withLatin);
        Assert.Contains("14/03/1992", withLatin);
        Assert.Contains("7K2QF-4M7TZ-9XW3C", withLatin);
        Assert.Contains("Mohamed Amine Ben Ali", withLatin);
        Assert.Contains("https://bulletin.interieur.gov.tn/verify", withLatin);

        var withoutLatin = await Poppler.Text(await Write(BulletinPdf.Render(Bulletin(Payload(latinNames: false)))));
        Assert.DoesNotContain("En caractères latins", withoutLatin);
        Assert.Contains("Date de naissance", withoutLatin);
    }

    [Fact]
    public void An_Arabic_name_is_shaped_into_joined_forms_and_laid_out_right_to_left()
    {
        using var typesetter = new BulletinTypesetter();
        const string name = "محمد";

        var shaped = typesetter.ShapeArabic(name, 20);
        var unshaped = BulletinFonts.Regular.GetGlyphs(name);

        // The first meem starts the word and the hah sits inside it: neither may print as its isolated form.
        Assert.DoesNotContain(unshaped[0], shaped.Glyphs);
        Assert.DoesNotContain(unshaped[1], shaped.Glyphs);

        // Visual order: positions grow to the right, and the first letter of the text is the rightmost glyph.
        Assert.True(shaped.Positions.Zip(shaped.Positions.Skip(1)).All(pair => pair.First.X <= pair.Second.X));
        var first = Array.IndexOf(shaped.Clusters, 0u);
        Assert.Equal(shaped.Glyphs.Length - 1, first);
        Assert.True(shaped.Width > 0);
    }

    public void Dispose()
    {
        ring.Dispose();
        scratch.Delete(recursive: true);
    }

    private static DocumentPayload Payload(bool latinNames) => new(
        Number: "7K2QF-4M7TZ-9XW3C",
        Kind: DocumentPayload.CriminalRecordExtract,
        Issuer: "TN-MI",
        GivenName: "محمد أمين",
        FamilyName: "بن علي",
        GivenNameLatin: latinNames ? "Mohamed Amine" : null,
        FamilyNameLatin: latinNames ? "Ben Ali" : null,
        BirthDate: new DateOnly(1992, 3, 14),
        Outcome: DocumentPayload.NoEntries,
        IssuedAt: IssuedAt,
        ValidUntil: IssuedAt.AddDays(90));

    /// <summary>The bulletin as the issuer prints it: the payload sealed with the ring's key.</summary>
    private PrintedBulletin Bulletin(DocumentPayload payload) =>
        new(payload, DocumentSeal.Seal(payload, ring.SignerAt(payload.IssuedAt)), "https://bulletin.interieur.gov.tn/verify");

    private async Task<string> Write(byte[] pdf)
    {
        var path = Path.Combine(scratch.FullName, $"bulletin-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf, TestContext.Current.CancellationToken);
        return path;
    }

    /// <summary>
    /// Reads the page's QR code as a phone would try: at a few resolutions and with two ways of telling dark from light.
    /// ZXing misses some renderings of a sound code at one resolution (module edges falling between pixels), so one
    /// attempt alone would make this test fail on a good page now and then.
    /// </summary>
    private static async Task<string> ScanQr(string pdf)
    {
        foreach (var dpi in new[] { 150, 200, 300 })
        {
            var png = await Poppler.Png(pdf, dpi);
            if (DecodeQr(png) is { } text)
            {
                return text;
            }
        }

        Assert.Fail($"No QR code could be read from {pdf} at 150, 200 or 300 dpi.");
        return "";
    }

    private static string? DecodeQr(string png)
    {
        using var decoded = SKBitmap.Decode(png);
        Assert.NotNull(decoded);
        var luminance = new byte[decoded.Width * decoded.Height];
        for (var y = 0; y < decoded.Height; y++)
        {
            for (var x = 0; x < decoded.Width; x++)
            {
                var pixel = decoded.GetPixel(x, y);
                luminance[y * decoded.Width + x] = (byte)((pixel.Red * 299 + pixel.Green * 587 + pixel.Blue * 114) / 1000);
            }
        }

        var source = new RGBLuminanceSource(luminance, decoded.Width, decoded.Height, RGBLuminanceSource.BitmapFormat.Gray8);
        var hints = new Dictionary<DecodeHintType, object> { [DecodeHintType.TRY_HARDER] = true };
        Binarizer[] binarizers = [new HybridBinarizer(source), new GlobalHistogramBinarizer(source)];
        return binarizers
            .Select(binarizer => new QRCodeReader().decode(new BinaryBitmap(binarizer), hints)?.Text)
            .FirstOrDefault(text => text is not null);
    }
}
