using HarfBuzzSharp;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace Actors.Api.Documents.Printing;

/// <summary>
/// Shapes and places the bulletin's text. HarfBuzz joins Arabic letters into their contextual forms and lays a
/// right-to-left run out in visual order, but it does not reorder mixed-direction text: every run given here is in
/// one direction only (Arabic labels as one run; dates, numbers and codes as separate left-to-right runs).
/// </summary>
internal sealed class BulletinTypesetter : IDisposable
{
    private static readonly Language Arabic = new("ar");
    private static readonly Language French = new("fr");

    private readonly SKShaper regular = new(BulletinFonts.Regular);
    private readonly SKShaper bold = new(BulletinFonts.Bold);

    public ShapedRun ShapeArabic(string text, float size, bool strong = false) =>
        Shape(text, size, strong, Direction.RightToLeft, Script.Arabic, Arabic);

    public ShapedRun ShapeLatin(string text, float size, bool strong = false) =>
        Shape(text, size, strong, Direction.LeftToRight, Script.Latin, French);

    public static void DrawFromLeft(SKCanvas canvas, ShapedRun run, float left, float baseline, SKColor color)
    {
        using var font = new SKFont(run.Typeface, run.Size);
        using var builder = new SKTextBlobBuilder();
        builder.AddPositionedRun(run.Glyphs, font, run.Positions);
        using var blob = builder.Build();
        if (blob is null)
        {
            return;
        }

        using var paint = new SKPaint { Color = color, IsAntialias = true };
        canvas.DrawText(blob, left, baseline, paint);
    }

    public static void DrawToRight(SKCanvas canvas, ShapedRun run, float right, float baseline, SKColor color) =>
        DrawFromLeft(canvas, run, right - run.Width, baseline, color);

    public static void DrawCentered(SKCanvas canvas, ShapedRun run, float centre, float baseline, SKColor color) =>
        DrawFromLeft(canvas, run, centre - run.Width / 2, baseline, color);

    /// <summary>
    /// Breaks a paragraph at spaces into lines no wider than <paramref name="width"/>. Each candidate line is shaped
    /// whole, because an Arabic word's width depends on its neighbours (joining, ligatures, kerning).
    /// </summary>
    public IReadOnlyList<ShapedRun> Wrap(string paragraph, float size, float width, bool arabic, bool strong)
    {
        var lines = new List<ShapedRun>();
        ShapedRun? current = null;
        var currentText = string.Empty;
        foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidateText = currentText.Length == 0 ? word : currentText + " " + word;
            var candidate = arabic ? ShapeArabic(candidateText, size, strong) : ShapeLatin(candidateText, size, strong);
            if (candidate.Width <= width || current is null)
            {
                current = candidate;
                currentText = candidateText;
                continue;
            }

            lines.Add(current);
            currentText = word;
            current = arabic ? ShapeArabic(word, size, strong) : ShapeLatin(word, size, strong);
        }

        if (current is not null)
        {
            lines.Add(current);
        }

        return lines;
    }

    public void Dispose()
    {
        regular.Dispose();
        bold.Dispose();
    }

    private ShapedRun Shape(string text, float size, bool strong, Direction direction, Script script, Language language)
    {
        var shaper = strong ? bold : regular;
        using var buffer = new HarfBuzzSharp.Buffer();
        buffer.AddUtf16(text);
        buffer.Direction = direction;
        buffer.Script = script;
        buffer.Language = language;
        using var font = new SKFont(shaper.Typeface, size);
        var result = shaper.Shape(buffer, font);
        var glyphs = new ushort[result.Codepoints.Length];
        for (var i = 0; i < glyphs.Length; i++)
        {
            glyphs[i] = checked((ushort)result.Codepoints[i]);
        }

        return new ShapedRun(shaper.Typeface, size, glyphs, result.Points, result.Clusters, result.Width);
    }
}
