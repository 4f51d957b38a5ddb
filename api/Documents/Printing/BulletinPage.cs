using System.Globalization;
using Actors.Contracts.Scheduling;
using SkiaSharp;

namespace Actors.Api.Documents.Printing;

/// <summary>
/// The layout of the bulletin's one page: header, title, the holder's particulars between a French and an Arabic label,
/// the finding, then the QR code with how to verify it in both languages. Arabic sits on the right and reads right to
/// left; French sits on the left.
/// </summary>
internal sealed class BulletinPage(SKCanvas canvas, BulletinTypesetter text, PrintedBulletin bulletin)
{
    private const float Margin = 50;
    private const float Left = Margin;
    private const float Right = BulletinPdf.PageWidth - Margin;
    private const float Centre = BulletinPdf.PageWidth / 2;

    // The QR code with its quiet zone: about 56 mm, the symbol itself about 50 mm, which a phone reads on paper.
    private const float QrSide = 160;

    // Where the verification block starts when the particulars leave room: just above the footer, whatever the names.
    private const float VerificationTop = 536;

    private static readonly SKColor Ink = new(0x1A, 0x1A, 0x1A);
    private static readonly SKColor Muted = new(0x55, 0x55, 0x55);
    private static readonly SKColor Accent = new(0x9B, 0x12, 0x1C);
    private static readonly SKColor Rule = new(0xB8, 0xB8, 0xB8);
    private static readonly SKColor Panel = new(0xF4, 0xF1, 0xEA);

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public void Draw()
    {
        Header();
        Title();
        var y = Particulars(226);
        y = Outcome(y + 16);

        // The verification block keeps its place above the footer; only names long enough to wrap push it down.
        Verification(Math.Max(y + 26, VerificationTop));
        Footer();
    }

    private void Header()
    {
        Arabic("الجمهورية التونسية", 15, Right, 64, strong: true);
        Arabic("وزارة الداخلية", 13, Right, 86);
        Latin("RÉPUBLIQUE TUNISIENNE", 11.5f, Left, 62, strong: true);
        Latin("Ministère de l'Intérieur", 11, Left, 84);

        // The centre of the header carries the issuer code, as the payload names it.
        using var seal = Stroke(Accent, 1);
        canvas.DrawCircle(Centre, 72, 21, seal);
        canvas.DrawCircle(Centre, 72, 18, seal);
        BulletinTypesetter.DrawCentered(canvas, text.ShapeLatin(bulletin.Payload.Issuer, 9, strong: true), Centre, 75, Accent);

        using var heavy = Stroke(Accent, 1.6f);
        using var light = Stroke(Accent, 0.5f);
        canvas.DrawLine(Left, 106, Right, 106, heavy);
        canvas.DrawLine(Left, 109.5f, Right, 109.5f, light);
    }

    private void Title()
    {
        BulletinTypesetter.DrawCentered(canvas, text.ShapeArabic("بطاقة عدد 3 — مضمون من السجل العدلي", 22, strong: true), Centre, 150, Ink);
        BulletinTypesetter.DrawCentered(canvas, text.ShapeLatin("Bulletin n° 3 — extrait du casier judiciaire", 16, strong: true), Centre, 178, Ink);
        // Two runs, one per direction, placed either side of a centred dot.
        BulletinTypesetter.DrawToRight(canvas, text.ShapeLatin("Document électronique signé", 10), Centre - 8, 200, Muted);
        BulletinTypesetter.DrawCentered(canvas, text.ShapeLatin("·", 10), Centre, 200, Muted);
        BulletinTypesetter.DrawFromLeft(canvas, text.ShapeArabic("وثيقة إلكترونية ممضاة", 11.5f), Centre + 8, 200, Muted);
    }

    /// <summary>
    /// French label on the left, the value in the middle, the Arabic label on the right, one row each. A value takes
    /// the room its labels leave; a long name is set smaller, then on two lines, and never runs into a label.
    /// </summary>
    private float Particulars(float top)
    {
        var payload = bulletin.Payload;
        var rows = new List<(string French, string Arabic, string Value, bool ArabicValue, float Size)>
        {
            ("Nom et prénom", "الاسم واللقب", payload.GivenName + " " + payload.FamilyName, true, 15),
        };
        var latin = string.Join(' ', new[] { payload.GivenNameLatin, payload.FamilyNameLatin }.Where(n => !string.IsNullOrWhiteSpace(n)));
        if (latin.Length > 0)
        {
            rows.Add(("En caractères latins", "بالأحرف اللاتينية", latin, false, 13));
        }

        rows.Add(("Date de naissance", "تاريخ الولادة", PrintedDate(payload.BirthDate), false, 13));
        rows.Add(("Délivré le", "تاريخ التسليم", TunisDate(payload.IssuedAt), false, 13));
        rows.Add(("Valable jusqu'au", "صالحة إلى غاية", TunisDate(payload.ValidUntil), false, 13));
        rows.Add(("N° du document", "عدد الوثيقة", payload.Number, false, 13));

        const float rowHeight = 32;
        const float labelGap = 14;
        using var rule = Stroke(Rule, 0.6f);
        canvas.DrawLine(Left, top, Right, top, rule);
        var y = top;
        foreach (var (french, arabic, value, arabicValue, size) in rows)
        {
            var frenchLabel = text.ShapeLatin(french, 10.5f);
            var arabicLabel = text.ShapeArabic(arabic, 12.5f);
            var halfRoom = Math.Min(Centre - (Left + 4 + frenchLabel.Width + labelGap), Right - 4 - arabicLabel.Width - labelGap - Centre);
            var lines = ValueLines(value, size, 2 * halfRoom, arabicValue);
            var leading = lines[0].Size + 5;
            var height = rowHeight + (lines.Count - 1) * leading;

            var middle = y + height / 2 + 4.5f;
            BulletinTypesetter.DrawFromLeft(canvas, frenchLabel, Left + 4, middle, Muted);
            BulletinTypesetter.DrawToRight(canvas, arabicLabel, Right - 4, middle, Muted);
            var baseline = middle + 0.5f - (lines.Count - 1) * leading / 2;
            foreach (var line in lines)
            {
                BulletinTypesetter.DrawCentered(canvas, line, Centre, baseline, Ink);
                baseline += leading;
            }

            y += height;
            canvas.DrawLine(Left, y, Right, y, rule);
        }

        return y;
    }

    /// <summary>One line at the preferred size, else one line down to a legible minimum, else wrapped at that minimum.</summary>
    private List<ShapedRun> ValueLines(string value, float size, float width, bool arabic)
    {
        const float smallest = 10;
        var fitted = Fitted(value, size, width, arabic, smallest);
        return fitted.Width <= width ? [fitted] : [.. text.Wrap(value, smallest, width, arabic, strong: true)];
    }

    /// <summary>The finding, framed: a bulletin no. 3 is only ever issued with no entries.</summary>
    private float Outcome(float top)
    {
        const float height = 62;
        var box = new SKRect(Left, top, Right, top + height);
        using (var fill = new SKPaint { Color = Panel, Style = SKPaintStyle.Fill })
        {
            canvas.DrawRect(box, fill);
        }

        using (var frame = Stroke(Ink, 1.2f))
        {
            canvas.DrawRect(box, frame);
        }

        using (var divider = Stroke(Rule, 0.6f))
        {
            canvas.DrawLine(Centre, top + 10, Centre, top + height - 10, divider);
        }

        Latin("Condamnations inscrites", 10.5f, Left + 14, top + 22, color: Muted);
        Latin("NÉANT", 19, Left + 14, top + 48, strong: true);
        Arabic("العقوبات المسجلة", 12.5f, Right - 14, top + 22, color: Muted);
        Arabic("لا شيء", 22, Right - 14, top + 50, strong: true);
        return top + height;
    }

    /// <summary>
    /// The QR code in the middle, how to verify in French (left) and Arabic (right), then the code and the address,
    /// each a left-to-right run of its own.
    /// </summary>
    private void Verification(float top)
    {
        Latin("Vérifier ce document", 12, Left, top, strong: true);
        Arabic("التحقق من هذه الوثيقة", 13.5f, Right, top, strong: true);
        using (var rule = Stroke(Accent, 0.8f))
        {
            canvas.DrawLine(Left, top + 8, Right, top + 8, rule);
        }

        var qrTop = top + 18;
        var square = SKRect.Create(Centre - QrSide / 2, qrTop, QrSide, QrSide);
        QrSymbol.Draw(canvas, bulletin.QrText, square);

        const float gap = 14;
        var columnWidth = square.Left - gap - Left;
        // A no-break space before a colon or semicolon, as French typography has it: no line starts with the sign.
        var french = new[]
        {
            "Hors ligne\u00A0: scannez le code QR avec la page de vérification indiquée ci-dessous\u00A0; la signature électronique et les dates de validité sont contrôlées sans connexion.",
            "En ligne\u00A0: saisissez le code de vérification et la date de naissance du titulaire pour connaître l'état actuel du document.",
            "Une révocation ou le remplacement par un bulletin plus récent n'apparaît qu'en ligne.",
        };
        var arabic = new[]
        {
            "دون اتصال: امسح رمز الاستجابة السريعة بصفحة التحقق المبينة أسفله، فيتم التثبت من الإمضاء الإلكتروني ومن تاريخ الصلوحية دون الحاجة إلى الإنترنت.",
            "عبر الإنترنت: أدخل رمز التحقق وتاريخ ولادة صاحب الوثيقة لمعرفة حالتها الحالية.",
            "لا يظهر إلغاء الوثيقة أو تعويضها ببطاقة أحدث إلا عند التحقق عبر الإنترنت.",
        };
        var frenchBottom = Paragraphs(french, 9.5f, 12.5f, Left, columnWidth, qrTop + 8, arabicScript: false);
        var arabicBottom = Paragraphs(arabic, 11, 15, Right, columnWidth, qrTop + 10, arabicScript: true);

        var y = Math.Max(square.Bottom, Math.Max(frenchBottom, arabicBottom)) + 22;
        Latin("Code de vérification", 9.5f, Left, y, color: Muted);
        Arabic("رمز التحقق", 11, Right, y, color: Muted);
        BulletinTypesetter.DrawCentered(canvas, text.ShapeLatin(bulletin.Payload.Number, 17, strong: true), Centre, y + 2, Ink);
        y += 22;
        Latin("Adresse de vérification", 9.5f, Left, y, color: Muted);
        Arabic("عنوان التحقق", 11, Right, y, color: Muted);
        BulletinTypesetter.DrawCentered(canvas, Fitted(bulletin.VerificationAddress, 11, Right - Left - 220, arabic: false, smallest: 6, strong: false), Centre, y, Ink);
    }

    private void Footer()
    {
        const float baseline = BulletinPdf.PageHeight - 34;
        using (var rule = Stroke(Rule, 0.6f))
        {
            canvas.DrawLine(Left, baseline - 14, Right, baseline - 14, rule);
        }

        Latin("Document signé électroniquement\u00A0; toute modification le rend invalide.", 8, Left, baseline, color: Muted);
        Arabic("وثيقة ممضاة إلكترونيا، وكل تغيير فيها يبطلها.", 9.5f, Right, baseline, color: Muted);
    }

    /// <summary>Paragraphs set in a column; Arabic is right-aligned to <paramref name="edge"/>, French left-aligned.</summary>
    private float Paragraphs(string[] paragraphs, float size, float leading, float edge, float width, float top, bool arabicScript)
    {
        var baseline = top + size;
        foreach (var paragraph in paragraphs)
        {
            foreach (var line in text.Wrap(paragraph, size, width, arabicScript, strong: false))
            {
                if (arabicScript)
                {
                    BulletinTypesetter.DrawToRight(canvas, line, edge, baseline, Ink);
                }
                else
                {
                    BulletinTypesetter.DrawFromLeft(canvas, line, edge, baseline, Ink);
                }

                baseline += leading;
            }

            baseline += leading * 0.45f;
        }

        return baseline - leading;
    }

    /// <summary>A run made smaller, down to <paramref name="smallest"/>, until it fits its width.</summary>
    private ShapedRun Fitted(string value, float size, float width, bool arabic, float smallest, bool strong = true)
    {
        ShapedRun Shape(float at) => arabic ? text.ShapeArabic(value, at, strong) : text.ShapeLatin(value, at, strong);
        var run = Shape(size);
        while (run.Width > width && size > smallest)
        {
            size -= 0.5f;
            run = Shape(size);
        }

        return run;
    }

    private void Latin(string value, float size, float left, float baseline, bool strong = false, SKColor? color = null) =>
        BulletinTypesetter.DrawFromLeft(canvas, text.ShapeLatin(value, size, strong), left, baseline, color ?? Ink);

    private void Arabic(string value, float size, float right, float baseline, bool strong = false, SKColor? color = null) =>
        BulletinTypesetter.DrawToRight(canvas, text.ShapeArabic(value, size, strong), right, baseline, color ?? Ink);

    private static SKPaint Stroke(SKColor color, float width) =>
        new() { Color = color, Style = SKPaintStyle.Stroke, StrokeWidth = width, IsAntialias = true };

    /// <summary>Dates as a Tunisian reader expects them: day/month/year, the day in Africa/Tunis.</summary>
    private static string TunisDate(DateTimeOffset instant) => TunisTime.DayOf(instant).ToString("dd/MM/yyyy", Invariant);

    private static string PrintedDate(DateOnly day) => day.ToString("dd/MM/yyyy", Invariant);
}
