using System.Globalization;
using System.Text;
using Actors.Contracts.Campaigns;

namespace Actors.Api.Campaigns;

/// <summary>
/// The Ministry of Education's pupil list: a header naming <see cref="Columns"/> (any order, any case) and one pupil a
/// row. The family name and birth date are checked here and dropped: the platform keeps only what the invitation and
/// the link to a request need.
/// </summary>
public sealed class EnrolmentFile
{
    public static readonly string[] Columns = ["enrolment_id", "school_code", "given_name", "family_name", "birth_date", "guardian_phone"];

    public static string ExpectedHeader => string.Join(',', Columns);

    private readonly Dictionary<string, int> columnOf;
    private readonly int width;

    private EnrolmentFile(Dictionary<string, int> columnOf, int width) => (this.columnOf, this.width) = (columnOf, width);

    /// <summary>The file's layout from its header record, or null (with why) when the header is not the documented one.</summary>
    public static EnrolmentFile? FromHeader(EnrolmentCsvRecord? header, out string? problem)
    {
        problem = null;
        if (header is null || header.Problem is not null)
        {
            problem = "Line 1 must be the header " + ExpectedHeader + ".";
            return null;
        }

        var columnOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var name = header.Fields[i].Trim().ToLowerInvariant();
            if (!Columns.Contains(name) || !columnOf.TryAdd(name, i))
            {
                problem = $"Column '{header.Fields[i].Trim()}' is unknown or repeated; the header is {ExpectedHeader}.";
                return null;
            }
        }

        var missing = Columns.Where(c => !columnOf.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            problem = $"The header lacks {string.Join(", ", missing)}; it is {ExpectedHeader}.";
            return null;
        }

        return new EnrolmentFile(columnOf, header.Fields.Count);
    }

    /// <summary>A row to enrol, or the reason it cannot be (the school's grain checks ids, names and numbers).</summary>
    public EnrolmentRow? Row(EnrolmentCsvRecord record, IReadOnlySet<string> schools, out EnrolmentRejection? rejection)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(schools);
        rejection = null;
        string? id = record.Fields.Count > columnOf["enrolment_id"] ? Clean(record.Fields[columnOf["enrolment_id"]]).ToUpperInvariant() : null;
        id = string.IsNullOrEmpty(id) ? null : id;
        string? reason = null;
        if (record.Problem is { } problem)
        {
            reason = problem;
        }
        else if (record.Fields.Count != width)
        {
            reason = $"Expected {width} fields like the header, found {record.Fields.Count}.";
        }
        else if (string.IsNullOrWhiteSpace(Field(record, "family_name")))
        {
            reason = "family_name is required.";
        }
        else if (!DateOnly.TryParseExact(Field(record, "birth_date"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var born)
                 || born.Year < 1990)
        {
            reason = $"birth_date must be a date written yyyy-MM-dd, not '{Field(record, "birth_date")}'.";
        }
        else if (!schools.Contains(Field(record, "school_code").ToUpperInvariant()))
        {
            reason = $"school_code '{Field(record, "school_code")}' is not a school of this campaign.";
        }

        if (reason is not null)
        {
            rejection = new EnrolmentRejection(record.Line, id, reason);
            return null;
        }

        return new EnrolmentRow(record.Line, id ?? "", Field(record, "school_code").ToUpperInvariant(), Field(record, "given_name"),
            Field(record, "guardian_phone"));
    }

    private string Field(EnrolmentCsvRecord record, string column) => Clean(record.Fields[columnOf[column]]);

    /// <summary>NFC (Arabic names typed on different keyboards compare equal), trimmed, inner whitespace collapsed.</summary>
    private static string Clean(string value) =>
        string.Join(' ', value.Normalize(NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
