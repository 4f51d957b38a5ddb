using System.Globalization;
using System.Text;
using Actors.Api.Progress;
using Actors.Contracts.Geography;
using Actors.Contracts.Requests.Index;

namespace Actors.Api.Exports;

/// <summary>
/// A progress answer as CSV for spreadsheets: UTF-8 with a byte order mark (so that spreadsheet software reads Arabic
/// as Arabic, not as mojibake), CRLF line ends and RFC 4180 quoting; a header row, then one row per group (the
/// grouped dimensions, the governorate's names when grouped by governorate, then count and suppressed).
/// </summary>
public static class ProgressCsv
{
    public static byte[] Write(RequestProgress progress, IReadOnlyList<RequestDimension> dimensions)
    {
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(dimensions);
        var text = new StringBuilder();
        var header = new List<string>();
        foreach (var dimension in dimensions)
        {
            header.Add(ExportNames.Column(dimension));
            if (dimension == RequestDimension.Governorate)
            {
                header.Add("governorateNameAr");
                header.Add("governorateNameFr");
            }
        }

        header.Add("count");
        header.Add("suppressed");
        Line(text, header);

        foreach (var group in progress.Groups)
        {
            var cells = new List<string>();
            foreach (var dimension in dimensions)
            {
                var value = group.Key.GetValueOrDefault(dimension);
                cells.Add(value is null ? "" : ExportNames.Value(dimension, value));
                if (dimension == RequestDimension.Governorate)
                {
                    var governorate = value is null ? null : Governorates.Find(value);
                    cells.Add(governorate?.NameAr ?? "");
                    cells.Add(governorate?.NameFr ?? "");
                }
            }

            cells.Add(group.Count?.ToString(CultureInfo.InvariantCulture) ?? "");
            cells.Add(group.Suppressed ? "true" : "false");
            Line(text, cells);
        }

        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        return [.. encoding.GetPreamble(), .. encoding.GetBytes(text.ToString())];
    }

    private static void Line(StringBuilder text, IEnumerable<string> cells) =>
        text.Append(string.Join(',', cells.Select(Quoted))).Append("\r\n");

    // RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled.
    private static string Quoted(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
