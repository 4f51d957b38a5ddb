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
        using var gray = new SKBitmap(decoded.Width, decoded.Height, SKColorType.Gray8, SKAlphaType.Opaque);
        using (var canvas = new SKCanvas(gray))
        {
            // A transparent background would read as black: paint white under the image first.
            canvas.Clear(SKColors.White);
            using var image = SKImage.FromBitmap(decoded);
            canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        }

        var luminance = new byte[gray.Width * gray.Height];
        for (var y = 0; y < gray.Height; y++)
        {
            gray.GetPixelSpan().Slice(y * gray.RowBytes, gray.Width).CopyTo(luminance.AsSpan(y * gray.Width));
        }

        var source = new RGBLuminanceSource(luminance, gray.Width, gray.Height, RGBLuminanceSource.BitmapFormat.Gray8);
        var hints = new Dictionary<DecodeHintType, object> { [DecodeHintType.TRY_HARDER] = true };
        var result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), hints);
        return result?.Text ?? throw new VerifyUsageException($"No QR code was found in {path}.");
    }
}
