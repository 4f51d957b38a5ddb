using System.Globalization;
using System.Text;
using Actors.Api.Funds;
using Actors.Contracts.Funds;
using Actors.Contracts.Funds.Index;
using Actors.Contracts.Geography;

namespace Actors.Api.Exports;

/// <summary>
/// The fund's use as CSV for spreadsheets, written like <see cref="ProgressCsv"/> (UTF-8 with a byte order mark, CRLF,
/// RFC 4180 quoting): a header row, one row per group, then the totals row, whose dimension cells are empty. Grouped
/// dimensions come with their names in French and Arabic; money is in dinars with three decimals (exact, from millimes).
/// </summary>
public static class FundUseCsv
{
    public static byte[] Write(FundUseReport report, IReadOnlyList<FundProgrammeView> programmes)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(programmes);
        var byProgramme = report.Dimensions.Contains(AllocationDimension.Programme);
        var byGovernorate = report.Dimensions.Contains(AllocationDimension.Governorate);
        var text = new StringBuilder();
        var header = new List<string>();
        if (byProgramme)
        {
            header.AddRange(["programme", "programmeNameFr", "programmeNameAr"]);
        }

        if (byGovernorate)
        {
            header.AddRange(["governorate", "governorateNameFr", "governorateNameAr"]);
        }

        header.AddRange(["allocations", "municipalities", "reserved", "allocated", "disbursed"]);
        Line(text, header);

        foreach (var group in report.Groups)
        {
            var cells = new List<string>();
            if (byProgramme)
            {
                var programme = programmes.FirstOrDefault(p => p.Code == group.Programme);
                cells.AddRange([
                    group.Programme is { } code ? ExportNames.Constant(code.ToString()) : "", programme?.NameFr ?? "", programme?.NameAr ?? "",
                ]);
            }

            if (byGovernorate)
            {
                var governorate = group.Governorate is { } code ? Governorates.Find(code) : null;
                cells.AddRange([group.Governorate ?? "", governorate?.NameFr ?? "", governorate?.NameAr ?? ""]);
            }

            cells.AddRange(Figures(group.Figures));
            Line(text, cells);
        }

        var dimensionCells = (byProgramme ? 3 : 0) + (byGovernorate ? 3 : 0);
        Line(text, [.. Enumerable.Repeat("", dimensionCells), .. Figures(report.Totals)]);

        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        return [.. encoding.GetPreamble(), .. encoding.GetBytes(text.ToString())];
    }

    private static IEnumerable<string> Figures(AllocationFigures figures) =>
    [
        figures.Allocations.ToString(CultureInfo.InvariantCulture),
        figures.Municipalities.ToString(CultureInfo.InvariantCulture),
        new Money.Money(figures.ReservedMillimes).Dinars,
        new Money.Money(figures.AllocatedMillimes).Dinars,
        new Money.Money(figures.DisbursedMillimes).Dinars,
    ];

    private static void Line(StringBuilder text, IEnumerable<string> cells) =>
        text.Append(string.Join(',', cells.Select(Quoted))).Append("\r\n");

    // RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled.
    private static string Quoted(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
