using System.Text;
using Actors.SignedDocuments;
using Actors.Verify;

// Exit codes: 0 valid, 1 another verdict (expired, not yet valid, invalid), 2 a usage or input error.
Console.OutputEncoding = Encoding.UTF8;
if (args.Length == 0 || args.Contains("--help") || args.Contains("-h"))
{
    Console.Error.WriteLine(VerifyArguments.Usage);
    return args.Length == 0 ? 2 : 0;
}

try
{
    var arguments = VerifyArguments.Parse(args);
    var qrText = ReadDocument(arguments.Document);
    var keys = await KeySource.Load(arguments.Keys);
    var result = DocumentVerifier.Verify(qrText, keys, arguments.At ?? DateTimeOffset.UtcNow);
    Console.Out.Write(arguments.Json ? VerificationReport.Json(result) + Environment.NewLine : VerificationReport.Text(result));
    return result.Verdict == VerificationVerdict.Valid ? 0 : 1;
}
catch (VerifyUsageException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

// QR text as given, "-" for standard input, or an image file; a name that looks like a file but is missing is an
// input error, not an invalid document.
static string ReadDocument(string document)
{
    if (document == "-")
    {
        return Console.In.ReadToEnd();
    }

    if (document.TrimStart().StartsWith(DocumentSeal.Prefix, StringComparison.Ordinal))
    {
        return document;
    }

    if (File.Exists(document))
    {
        return QrImageReader.Read(document);
    }

    var extension = Path.GetExtension(document).ToUpperInvariant();
    if (extension is ".PNG" or ".JPG" or ".JPEG" or ".WEBP" || document.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal))
    {
        throw new VerifyUsageException($"No such file: {document}");
    }

    return document;
}
