using System.Text.RegularExpressions;

namespace Actors.Api.Documents;

/// <summary>The printed form of a document number (= its verification code): three groups of five Crockford base-32 characters.</summary>
public static partial class DocumentNumbers
{
    public const string Example = "7K2QF-4M7TZ-9XW3C";

    /// <summary>The number as stored (upper case, trimmed), or null when it cannot be one.</summary>
    public static string? Normalize(string? text)
    {
        var number = text?.Trim().ToUpperInvariant();
        return number is not null && Form().IsMatch(number) ? number : null;
    }

    [GeneratedRegex(@"\A[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}\z")]
    private static partial Regex Form();
}
