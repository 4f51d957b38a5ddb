using System.Runtime.CompilerServices;
using System.Text;

namespace Actors.Api.Campaigns;

/// <summary>
/// Reads RFC 4180 records from a text stream a buffer at a time, never the whole file: quoted fields (commas, doubled
/// quotes and line breaks inside), CRLF or LF. Each record carries the line it starts on, so that a rejected row can be
/// named the way a spreadsheet numbers it. A broken quote spoils only its own record.
/// </summary>
public static class EnrolmentCsvReader
{
    public const int MaxFieldLength = 1000;

    public static async IAsyncEnumerable<EnrolmentCsvRecord> Read(TextReader reader, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var buffer = new char[16 * 1024];
        var fields = new List<string>();
        var field = new StringBuilder();
        var (line, start) = (1, 1);
        var (quoted, wasQuoted, pendingQuote, pendingCr, any) = (false, false, false, false, false);
        string? problem = null;
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory(), cancellationToken)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                var ch = buffer[i];
                if (pendingCr)
                {
                    // A CR ended the record; a LF right after it belongs to the same line break.
                    pendingCr = false;
                    if (ch == '\n')
                    {
                        continue;
                    }
                }

                if (pendingQuote)
                {
                    // A quote inside a quoted field: doubled, it is a quote; otherwise it closed the field.
                    pendingQuote = false;
                    if (ch == '"')
                    {
                        Append(field, '"', ref problem);
                        continue;
                    }

                    quoted = false;
                }

                if (quoted)
                {
                    if (ch == '"')
                    {
                        pendingQuote = true;
                    }
                    else
                    {
                        line += ch == '\n' ? 1 : 0;
                        Append(field, ch, ref problem);
                    }

                    continue;
                }

                any = true;
                if (ch == '"' && field.Length == 0 && !wasQuoted)
                {
                    quoted = wasQuoted = true;
                }
                else if (ch == ',')
                {
                    fields.Add(field.ToString());
                    field.Clear();
                    wasQuoted = false;
                }
                else if (ch is '\r' or '\n')
                {
                    pendingCr = ch == '\r';
                    fields.Add(field.ToString());
                    yield return new EnrolmentCsvRecord(start, fields, problem);
                    (fields, problem, wasQuoted, any) = ([], null, false, false);
                    field.Clear();
                    line++;
                    start = line;
                }
                else if (ch == '"' || wasQuoted)
                {
                    problem ??= ch == '"'
                        ? "A quote inside an unquoted field: quote the whole field and double inner quotes."
                        : "Text after a closing quote: double inner quotes (\"\").";
                    Append(field, ch, ref problem);
                }
                else
                {
                    Append(field, ch, ref problem);
                }
            }
        }

        if (quoted && !pendingQuote)
        {
            problem ??= "A quoted field is never closed.";
        }

        if (any || quoted || pendingQuote || fields.Count > 0 || field.Length > 0)
        {
            fields.Add(field.ToString());
            yield return new EnrolmentCsvRecord(start, fields, problem);
        }
    }

    /// <summary>Keeps a field bounded: a runaway quote must not pull the rest of the file into memory.</summary>
    private static void Append(StringBuilder field, char ch, ref string? problem)
    {
        if (field.Length < MaxFieldLength)
        {
            field.Append(ch);
        }
        else
        {
            problem ??= $"A field is longer than {MaxFieldLength} characters (an unclosed quote?).";
        }
    }
}
