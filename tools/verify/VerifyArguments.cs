using System.Globalization;

namespace Actors.Verify;

/// <summary>The command line: one document (QR text, "-" for standard input, or an image file) and the options.</summary>
public sealed record VerifyArguments(string Document, string Keys, DateTimeOffset? At, bool Json)
{
    /// <summary>The local API's keys (api/Properties/launchSettings.json): what a developer's host publishes.</summary>
    public const string DefaultKeys = "http://localhost:5080/.well-known/document-keys";

    public const string Usage =
        """
        Usage: dotnet run --project tools/verify -- <qr text | - | image.png/.jpg> [--keys <file or URL>] [--at <ISO time>] [--json]

          <qr text>   the text of the document's QR code ("TND1:..."); quote it, it contains spaces
          -           read the QR text from standard input
          image       a PNG or JPEG photo or scan holding the QR code
          --keys      the published keys: a URL (default http://localhost:5080/.well-known/document-keys)
                      or a file saved from it, for checking with no network
          --at        check as of this time instead of now (ISO 8601, e.g. 2026-06-01T00:00:00Z)
          --json      print the result as JSON

        Exit code: 0 valid, 1 any other verdict, 2 a usage or input error.
        """;

    /// <exception cref="VerifyUsageException">Unknown options, missing values, no document or more than one.</exception>
    public static VerifyArguments Parse(IReadOnlyList<string> args)
    {
        string? document = null;
        var keys = DefaultKeys;
        DateTimeOffset? at = null;
        var json = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--keys":
                    keys = Value(args, ++i, "--keys");
                    break;
                case "--at":
                    var text = Value(args, ++i, "--at");
                    at = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                        ? parsed
                        : throw new VerifyUsageException($"--at: \"{text}\" is not an ISO 8601 time (e.g. 2026-06-01T00:00:00Z).");
                    break;
                case "--json":
                    json = true;
                    break;
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    throw new VerifyUsageException($"Unknown option {option}.");
                default:
                    if (document is not null)
                    {
                        throw new VerifyUsageException("Give one document only (quote QR text: it contains spaces).");
                    }

                    document = args[i];
                    break;
            }
        }

        return new VerifyArguments(document ?? throw new VerifyUsageException("No document given."), keys, at, json);
    }

    private static string Value(IReadOnlyList<string> args, int index, string option) =>
        index < args.Count ? args[index] : throw new VerifyUsageException($"{option} needs a value.");
}
