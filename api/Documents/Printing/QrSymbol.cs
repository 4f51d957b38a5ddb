using QRCoder;
using SkiaSharp;

namespace Actors.Api.Documents.Printing;

/// <summary>
/// The QR code as vector squares on the page (sharp at any print resolution), from QRCoder's module matrix.
/// ECC level Q, as the EU certificate uses: a printout survives a crease or a stain. The text is Base45 with an upper
/// case prefix, so QRCoder encodes it in alphanumeric mode, the densest mode that text allows.
/// </summary>
internal static class QrSymbol
{
    /// <summary>The light margin a reader needs around the symbol, in modules (ISO/IEC 18004).</summary>
    public const int QuietZone = 4;

    /// <summary>Draws the symbol with its quiet zone inside <paramref name="square"/>; returns the module size.</summary>
    public static float Draw(SKCanvas canvas, string text, SKRect square)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.Q);
        var matrix = data.ModuleMatrix;
        // A version-v symbol is 17 + 4v modules wide (ISO/IEC 18004).
        var symbolSide = 17 + 4 * data.Version;

        // QRCoder pads its matrix with a quiet zone of its own; draw only the symbol and make our own margin.
        var padding = (matrix.Count - symbolSide) / 2;
        var module = Math.Min(square.Width, square.Height) / (symbolSide + 2 * QuietZone);
        var originX = square.Left + QuietZone * module;
        var originY = square.Top + QuietZone * module;

        using var light = new SKPaint { Color = SKColors.White, Style = SKPaintStyle.Fill };
        canvas.DrawRect(square, light);

        // Horizontal runs of dark modules become one rectangle each: fewer path elements, no hairlines between squares.
        using var dark = new SKPathBuilder();
        for (var row = 0; row < symbolSide; row++)
        {
            var line = matrix[row + padding];
            var column = 0;
            while (column < symbolSide)
            {
                if (!line[column + padding])
                {
                    column++;
                    continue;
                }

                var start = column;
                while (column < symbolSide && line[column + padding])
                {
                    column++;
                }

                dark.AddRect(SKRect.Create(originX + start * module, originY + row * module, (column - start) * module, module), SKPathDirection.Clockwise);
            }
        }

        using var path = dark.Detach();
        using var ink = new SKPaint { Color = SKColors.Black, Style = SKPaintStyle.Fill, IsAntialias = false };
        canvas.DrawPath(path, ink);
        return module;
    }
}
