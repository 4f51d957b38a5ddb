using System.Text.RegularExpressions;

namespace Actors.Contracts.Campaigns;

/// <summary>
/// What makes a pupil's row enrollable, checked by the importer before it claims the row's enrolment id for the
/// school (so that a row refused for its phone number holds no id) and by the school's grain before it stores it.
/// </summary>
public static partial class EnrolmentRowRules
{
    private const int MaxNameLength = 100;

    /// <summary>Why a row cannot be enrolled at the school, or null when it can.</summary>
    public static string? Problem(EnrolmentRow row, string schoolCode)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (string.IsNullOrWhiteSpace(row.EnrolmentId) || !EnrolmentId().IsMatch(row.EnrolmentId))
        {
            return "enrolment_id must be 1 to 40 of A-Z, 0-9 and '-'.";
        }

        if (!string.Equals(row.SchoolCode, schoolCode, StringComparison.Ordinal))
        {
            return $"school_code {row.SchoolCode} is not this school ({schoolCode}).";
        }

        if (string.IsNullOrWhiteSpace(row.GivenName) || row.GivenName.Length > MaxNameLength || row.GivenName.Any(char.IsControl))
        {
            return $"given_name is required, at most {MaxNameLength} characters.";
        }

        return Phone(row.GuardianPhone) is null ? "guardian_phone must be a Tunisian mobile number: 8 digits, optionally after +216 or 00216." : null;
    }

    /// <summary>+216 and eight digits, however it was written (spaces, 00216), or null.</summary>
    public static string? Phone(string? raw)
    {
        var compact = new string((raw ?? "").Where(ch => !char.IsWhiteSpace(ch) && ch is not ('-' or '.')).ToArray());
        if (compact.StartsWith("00216", StringComparison.Ordinal))
        {
            compact = compact[5..];
        }
        else if (compact.StartsWith("+216", StringComparison.Ordinal))
        {
            compact = compact[4..];
        }

        return compact.Length == 8 && compact.All(char.IsAsciiDigit) ? "+216" + compact : null;
    }

    [GeneratedRegex(@"\A[A-Z0-9][A-Z0-9-]{0,39}\z")]
    private static partial Regex EnrolmentId();
}
