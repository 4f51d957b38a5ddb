using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Actors.Api.GraphQL.Errors;

namespace Actors.Api.GraphQL;

/// <summary>
/// Normalises and checks free text from clients: Unicode NFC (so Arabic and Latin names compare
/// equal however typed), trimmed, inner whitespace collapsed, no control characters, bounded length.
/// </summary>
public static partial class InputText
{
    public static string Required(string? value, string field, int maxLength)
    {
        var text = Optional(value, field, maxLength);
        return text ?? throw ApiErrors.BadInput($"{field} must not be empty.", field);
    }

    /// <summary>Normalised text whose length a grain bounds (a step's reason): refused there, the same for every caller.</summary>
    public static string? Optional(string? value, string field) => Optional(value, field, int.MaxValue);

    public static string? Optional(string? value, string field, int maxLength)
    {
        if (value is null)
        {
            return null;
        }

        var text = Whitespace().Replace(value.Normalize(NormalizationForm.FormC), " ").Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (text.Length > maxLength)
        {
            throw ApiErrors.BadInput($"{field} is at most {maxLength} characters.", field);
        }

        if (text.Any(ch => char.IsControl(ch) || CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.Format && ch != '\u200C' && ch != '\u200D'))
        {
            throw ApiErrors.BadInput($"{field} contains control characters.", field);
        }

        return text;
    }

    /// <summary>A person's name: letters of any script (Arabic, Latin...), marks, spaces, hyphens, apostrophes, dots.</summary>
    public static string PersonName(string? value, string field, int maxLength = 80)
    {
        var text = Required(value, field, maxLength);
        if (!text.All(ch => char.IsLetter(ch) || CharUnicodeInfo.GetUnicodeCategory(ch) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                             || ch is ' ' or '-' or '\'' or '’' or '.' or 'ـ'))
        {
            throw ApiErrors.BadInput($"{field} may contain letters, spaces, hyphens and apostrophes only.", field);
        }

        if (!text.Any(char.IsLetter))
        {
            throw ApiErrors.BadInput($"{field} must contain letters.", field);
        }

        return text;
    }

    /// <summary>A national ID card number: exactly 8 digits.</summary>
    public static string NationalIdNumber(string? value, string field)
    {
        var text = value?.Trim() ?? "";
        return CardNumber().IsMatch(text) ? text : throw ApiErrors.BadInput($"{field} must be exactly 8 digits.", field);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^[0-9]{8}$")]
    private static partial Regex CardNumber();
}
