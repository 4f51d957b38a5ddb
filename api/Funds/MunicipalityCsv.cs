using System.Text;
using Actors.Api.GraphQL.Errors;
using Actors.Contracts.Funds;
using Actors.Contracts.Geography;

namespace Actors.Api.Funds;

/// <summary>
/// Reads a municipalities CSV (RFC 4180: quoted fields, doubled quotes, CRLF or LF; comma or, as
/// spreadsheets write it in French, semicolon). Line 1 is the header, naming the columns in any
/// order: code, nameAr, nameFr, governorate, isNew, and optionally isDemo. A broken file (no header,
/// missing or unknown column, too large) is BAD_USER_INPUT; a broken row is rejected with its line
/// and the others go on. The registry grain then checks each row against the domain rules.
/// </summary>
public static class MunicipalityCsv
{
    public const int MaxCharacters = 2_000_000;

    private static readonly string[] Required = ["code", "nameAr", "nameFr", "governorate", "isNew"];
    private static readonly string[] Optional = ["isDemo"];

    public static (IReadOnlyList<MunicipalityImportRow> Rows, IReadOnlyList<MunicipalityImportRejection> Rejected) Parse(string? csv)
    {
        if (string.IsNullOrWhiteSpace(csv))
        {
            throw ApiErrors.BadInput("csv is empty: it needs a header line and rows.", "input.csv");
        }

        if (csv.Length > MaxCharacters)
        {
            throw ApiErrors.BadInput($"csv is at most {MaxCharacters} characters; split the file.", "input.csv");
        }

        var text = csv.TrimStart('\uFEFF');
        var firstLine = text.Split('\n', 2)[0];
        var delimiter = firstLine.Contains(';', StringComparison.Ordinal) && !firstLine.Contains(',', StringComparison.Ordinal) ? ';' : ',';
        var records = Records(text, delimiter).ToList();
        var header = records.FirstOrDefault();
        if (header is null || header.Line != 1 || header.Problem is not null)
        {
            throw ApiErrors.BadInput("Line 1 must be the header: code,nameAr,nameFr,governorate,isNew[,isDemo].", "input.csv");
        }

        var columns = ColumnsOf(header.Fields);
        var rows = new List<MunicipalityImportRow>();
        var rejected = new List<MunicipalityImportRejection>();
        foreach (var record in records.Skip(1))
        {
            if (record.Fields.All(string.IsNullOrWhiteSpace) && record.Problem is null)
            {
                continue;
            }

            var code = record.Fields.Count > columns["code"] ? Clean(record.Fields[columns["code"]]).ToUpperInvariant() : null;
            code = string.IsNullOrEmpty(code) ? null : code;
            if (record.Problem is { } problem)
            {
                rejected.Add(new MunicipalityImportRejection(record.Line, code, problem));
            }
            else if (record.Fields.Count != header.Fields.Count)
            {
                rejected.Add(new MunicipalityImportRejection(record.Line, code,
                    $"Expected {header.Fields.Count} fields like the header, found {record.Fields.Count}."));
            }
            else if (Row(record, columns, out var row) is { } reason)
            {
                rejected.Add(new MunicipalityImportRejection(record.Line, code, reason));
            }
            else
            {
                rows.Add(row!);
            }
        }

        return (rows, rejected);
    }

    private static Dictionary<string, int> ColumnsOf(IReadOnlyList<string> header)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim();
            var known = Required.Concat(Optional).FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase))
                ?? throw ApiErrors.BadInput($"Unknown column '{name}' in the header; the columns are code, nameAr, nameFr, governorate, isNew, isDemo.", "input.csv");
            if (!columns.TryAdd(known, i))
            {
                throw ApiErrors.BadInput($"Column '{known}' appears twice in the header.", "input.csv");
            }
        }

        var missing = Required.Where(c => !columns.ContainsKey(c)).ToList();
        return missing.Count == 0
            ? columns
            : throw ApiErrors.BadInput($"The header lacks {string.Join(", ", missing)}.", "input.csv");
    }

    /// <summary>Builds a row, or says why it cannot be read; the grain checks codes, names and governorates.</summary>
    private static string? Row(Record record, Dictionary<string, int> columns, out MunicipalityImportRow? row)
    {
        row = null;
        string Field(string name) => Clean(record.Fields[columns[name]]);
        var texts = new[] { "code", "nameAr", "nameFr", "governorate" }.Select(Field).ToList();
        if (texts.Any(t => t.Any(ch => char.IsControl(ch))))
        {
            return "A field contains control characters.";
        }

        if (Flag(Field("isNew")) is not { } isNew)
        {
            return $"isNew must be true or false (also 1/0, yes/no), not '{Field("isNew")}'.";
        }

        var isDemo = false;
        if (columns.ContainsKey("isDemo") && Field("isDemo").Length > 0)
        {
            if (Flag(Field("isDemo")) is not { } demo)
            {
                return $"isDemo must be true or false, not '{Field("isDemo")}'.";
            }

            isDemo = demo;
        }

        var governorate = Field("governorate").ToUpperInvariant();
        governorate = Governorates.All.FirstOrDefault(g => g.IsoCode == governorate)?.Code ?? governorate;
        row = new MunicipalityImportRow(record.Line, Field("code").ToUpperInvariant(), Field("nameAr"), Field("nameFr"), governorate, isNew, isDemo);
        return null;
    }

    private static bool? Flag(string value) => value.ToUpperInvariant() switch
    {
        "TRUE" or "1" or "YES" or "OUI" => true,
        "FALSE" or "0" or "NO" or "NON" => false,
        _ => null,
    };

    /// <summary>NFC, trimmed, inner whitespace collapsed (tabs and newlines in quoted fields become spaces).</summary>
    private static string Clean(string value) =>
        string.Join(' ', value.Normalize(NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private sealed record Record(int Line, IReadOnlyList<string> Fields, string? Problem);

    /// <summary>The records of the text, each with the line it starts on (quoted fields may span lines).</summary>
    private static IEnumerable<Record> Records(string text, char delimiter)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var start = 1;
        var quoted = false;
        var wasQuoted = false;
        string? problem = null;
        var i = 0;
        while (i < text.Length)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i += 2;
                    continue;
                }

                if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += ch == '\n' ? 1 : 0;
                    field.Append(ch);
                }

                i++;
                continue;
            }

            if (ch == '"' && field.Length == 0 && !wasQuoted)
            {
                quoted = wasQuoted = true;
            }
            else if (ch == delimiter)
            {
                fields.Add(field.ToString());
                field.Clear();
                wasQuoted = false;
            }
            else if (ch is '\r' or '\n')
            {
                if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                yield return new Record(start, fields, problem);
                (fields, problem, wasQuoted) = ([], null, false);
                field.Clear();
                line++;
                start = line;
            }
            else if (ch == '"' || wasQuoted)
            {
                problem ??= ch == '"'
                    ? "A quote inside an unquoted field: quote the whole field and double inner quotes."
                    : "Text after a closing quote: double inner quotes (\"\").";
                field.Append(ch);
            }
            else
            {
                field.Append(ch);
            }

            i++;
        }

        if (quoted)
        {
            problem ??= "A quoted field is never closed.";
        }

        if (fields.Count > 0 || field.Length > 0 || problem is not null)
        {
            fields.Add(field.ToString());
            yield return new Record(start, fields, problem);
        }
    }
}
