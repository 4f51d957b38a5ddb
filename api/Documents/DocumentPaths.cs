namespace Actors.Api.Documents;

public static class DocumentPaths
{
    public const string PdfRoute = "/documents/{number}.pdf";

    public static string Pdf(string number) => $"/documents/{number}.pdf";

    public static string PdfLink(string number, string token) => $"/documents/{number}.pdf?link={Uri.EscapeDataString(token)}";
}
