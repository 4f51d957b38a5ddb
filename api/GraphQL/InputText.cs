using System.Globalization;
using System.Net.Mail;
using System.Text;
using System.Text.RegularExpressions;
using Actors.Api.GraphQL.Errors;

namespace Actors.Api.GraphQL;

/// <summary>
/// Normalises and checks free text from clients: Unicode NFC (so Arabic and Latin names compare
/// equal however typed), trimmed, inner whitespace collapsed, no control characters, bounded length.
/// Names also have a bounded number of combining marks per letter and no mix of scripts that look alike;
/// e-mail addresses are parsed as addresses; dates fall in a window per field. Patterns are anchored with
/// <c>\A</c> and <c>\z</c>: <c>$</c> would accept a trailing newline.
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

    /// <summary>
    /// Combining marks one letter may carry: Arabic vowel signs stack at most a shadda and a vowel with a small
    /// sign above; more is the "zalgo" text that overflows lines and hides what a name says.
    /// </summary>
    public const int MaxCombiningMarksPerLetter = 3;

    /// <summary>
    /// A person's name: letters of any script (Arabic, Latin...), marks, spaces, hyphens, apostrophes, dots; at most
    /// <see cref="MaxCombiningMarksPerLetter"/> marks on a letter; one script per word, and never Latin, Greek and
    /// Cyrillic together in one name (their look-alike letters make two different names read the same).
    /// </summary>
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

        CheckCombiningMarks(text, field);
        CheckScripts(text, field);
        return text;
    }

    /// <summary>
    /// An e-mail address as one mailbox: parsed by <see cref="MailAddress"/>, and stricter than it: exactly one @, no
    /// display name, comments, quoted or IP-literal parts, a local part of at most 64 characters, a domain of
    /// letters, digits and hyphens in dot-separated labels with a top-level label, at most 254 characters in all.
    /// </summary>
    public static string? EmailAddress(string? value, string field)
    {
        if (value is null)
        {
            return null;
        }

        if (value.EndsWith('\n') || value.EndsWith('\r'))
        {
            throw InputRefusals.Refuse(field, InputRefusals.TrailingNewline, $"{field} must not end with a line break.");
        }

        var text = value.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (text.Length > 254 || !EmailShape().IsMatch(text) || !MailAddress.TryCreate(text, out var parsed)
            || !string.Equals(parsed.Address, text, StringComparison.Ordinal) || parsed.DisplayName.Length > 0
            || text.IndexOf('@', StringComparison.Ordinal) > 64)
        {
            throw InputRefusals.Refuse(field, InputRefusals.NotAnEmailAddress, $"{field} is not an e-mail address (one mailbox such as name@example.tn, at most 254 characters).");
        }

        return text;
    }

    /// <summary>A date no earlier than <paramref name="earliest"/> and no later than <paramref name="latest"/>, both inclusive.</summary>
    public static DateOnly DateWithin(DateOnly value, string field, DateOnly earliest, DateOnly latest, string window)
    {
        if (value < earliest || value > latest)
        {
            var iso = System.Globalization.CultureInfo.InvariantCulture;
            throw InputRefusals.Refuse(
                field, InputRefusals.DateOutOfRange,
                $"{field} must be {window}: from {earliest.ToString("yyyy-MM-dd", iso)} to {latest.ToString("yyyy-MM-dd", iso)}.");
        }

        return value;
    }

    private static void CheckCombiningMarks(string text, string field)
    {
        var run = 0;
        foreach (var ch in text)
        {
            run = CharUnicodeInfo.GetUnicodeCategory(ch) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
                ? run + 1
                : 0;
            if (run > MaxCombiningMarksPerLetter)
            {
                throw InputRefusals.Refuse(
                    field, InputRefusals.TooManyCombiningMarks, $"{field} has more than {MaxCombiningMarksPerLetter} combining marks on one letter.");
            }
        }
    }

    private static void CheckScripts(string text, string field)
    {
        var alphabets = new HashSet<NameScript>();
        foreach (var word in text.Split([' ', '-', '\'', '’', '.'], StringSplitOptions.RemoveEmptyEntries))
        {
            var scripts = word.Where(char.IsLetter).Select(ScriptOf).ToHashSet();
            if (scripts.Count > 1)
            {
                throw InputRefusals.Refuse(field, InputRefusals.MixedScripts, $"{field} mixes scripts in one word (\"{word}\"); write each word in one script.");
            }

            alphabets.UnionWith(scripts.Where(s => s is NameScript.Latin or NameScript.Greek or NameScript.Cyrillic));
        }

        if (alphabets.Count > 1)
        {
            throw InputRefusals.Refuse(field, InputRefusals.MixedScripts, $"{field} mixes Latin, Greek or Cyrillic letters, which look alike; use one of them.");
        }
    }

    private static NameScript ScriptOf(char ch) => ch switch
    {
        <= '\u024F' or (>= '\u1E00' and <= '\u1EFF') => NameScript.Latin,
        (>= '\u0370' and <= '\u03FF') or (>= '\u1F00' and <= '\u1FFF') => NameScript.Greek,
        (>= '\u0400' and <= '\u052F') or (>= '\u2DE0' and <= '\u2DFF') or (>= '\uA640' and <= '\uA69F') => NameScript.Cyrillic,
        (>= '\u0600' and <= '\u06FF') or (>= '\u0750' and <= '\u077F') or (>= '\u08A0' and <= '\u08FF')
            or (>= '\uFB50' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFF') => NameScript.Arabic,
        _ => NameScript.Other,
    };

    /// <summary>A national ID card number: exactly 8 digits (surrounding spaces forgiven, a line break not).</summary>
    public static string NationalIdNumber(string? value, string field)
    {
        var text = value?.Trim(' ') ?? "";
        return CardNumber().IsMatch(text) ? text : throw ApiErrors.BadInput($"{field} must be exactly 8 digits.", field);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\A[0-9]{8}\z", RegexOptions.CultureInvariant)]
    private static partial Regex CardNumber();

    // What MailAddress alone lets through and a mailbox here never has: quotes, comments, brackets, a second @, spaces.
    [GeneratedRegex(@"\A[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex EmailShape();
}
