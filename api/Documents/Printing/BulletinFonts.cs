using SkiaSharp;

namespace Actors.Api.Documents.Printing;

/// <summary>
/// The bundled Amiri faces (OFL, Fonts/README.md), read from the assembly so that a bulletin prints the same on any
/// host, whatever fonts it has installed and wherever its content root is.
/// </summary>
internal static class BulletinFonts
{
    private static readonly Lazy<SKTypeface> LazyRegular = new(() => Load("Documents/Printing/Fonts/Amiri-Regular.ttf"));
    private static readonly Lazy<SKTypeface> LazyBold = new(() => Load("Documents/Printing/Fonts/Amiri-Bold.ttf"));

    public static SKTypeface Regular => LazyRegular.Value;

    public static SKTypeface Bold => LazyBold.Value;

    private static SKTypeface Load(string resourceName)
    {
        using var resource = typeof(BulletinFonts).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"The font {resourceName} is not embedded in the API assembly.");
        using var copy = new MemoryStream();
        resource.CopyTo(copy);
        using var data = SKData.CreateCopy(copy.ToArray());
        return SKTypeface.FromData(data)
            ?? throw new InvalidOperationException($"The embedded font {resourceName} could not be read.");
    }
}
