using SkiaSharp;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace Actors.Verify;

/// <summary>Finds the QR code in a photo or scan: SkiaSharp decodes the image, ZXing reads its luminance.</summary>
public static class QrImageReader
{
    /// <summary>A phone photo is a few megabytes; anything far larger is not what this tool is for.</summary>
    public const long MaxFileBytes = 20 * 1024 * 1024;

    /// <exception cref="VerifyUsageException">Too large, not an image, or no QR code in it.</exception>
    public static string Read(string path)
    {
        var length = new FileInfo(path).Length;
        if (length > MaxFileBytes)
        {
            throw new VerifyUsageException($"{path} is {length / (1024 * 1024)} MB; an image of at most {MaxFileBytes / (1024 * 1024)} MB is expected.");
        }

        using var decoded = SKBitmap.Decode(path)
            ?? throw new VerifyUsageException($"{path} is not an image this tool can read (PNG or JPEG).");

        // One ZXing pass misses some sound images (a finder pattern the local binarizer cuts, a screenshot scaled by a
        // non-integer factor): try what a phone's scanner tries, cheapest first, at the original size and then doubled.
        foreach (var scale in new[] { 1, 2 })
        {
            if (TryRead(decoded, scale) is { } text)
            {
                return text;
            }
        }

        throw new VerifyUsageException($"No QR code was found in {path}.");
    }

    private static string? TryRead(SKBitmap decoded, int scale)
    {
        var (width, height) = (decoded.Width * scale, decoded.Height * scale);
        using var gray = new SKBitmap(width, height, SKColorType.Gray8, SKAlphaType.Opaque);
        using (var canvas = new SKCanvas(gray))
        {
            // A transparent background would read as black: paint white under the image first.
            canvas.Clear(SKColors.White);
            using var image = SKImage.FromBitmap(decoded);
            canvas.DrawImage(image, new SKRect(0, 0, width, height), new SKSamplingOptions(SKFilterMode.Nearest));
        }

        var luminance = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            gray.GetPixelSpan().Slice(y * gray.RowBytes, width).CopyTo(luminance.AsSpan(y * width));
        }

        var source = new RGBLuminanceSource(luminance, width, height, RGBLuminanceSource.BitmapFormat.Gray8);
        Binarizer[] binarizers = [new HybridBinarizer(source), new GlobalHistogramBinarizer(source)];
        var tryHarder = new Dictionary<DecodeHintType, object> { [DecodeHintType.TRY_HARDER] = true };
        var pure = new Dictionary<DecodeHintType, object> { [DecodeHintType.PURE_BARCODE] = true };
        foreach (var binarizer in binarizers)
        {
            foreach (var hints in new[] { tryHarder, pure })
            {
                try
                {
                    if (new QRCodeReader().decode(new BinaryBitmap(binarizer), hints)?.Text is { } text)
                    {
                        return text;
                    }
                }
                catch (ReaderException)
                {
                    // ZXing reports some misses by throwing (a checksum that does not add up): try the next way.
                }
            }
        }

        return null;
    }
}
