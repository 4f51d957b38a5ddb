using System.Text;
using Npgsql;

namespace Actors.Persistence.Storage;

/// <summary>
/// A statement written with named placeholders (<c>@GrainIdN0</c>, as Orleans' scripts and <c>OrleansQuery</c> hold
/// them) turned once into PostgreSQL's positional ones (<c>$1</c>). Npgsql sends a command whose parameters have no
/// names as it is; a command with named ones it parses and rewrites at every execution, prepared or not: for the state
/// write, a new copy of a 2 KB text and a parameter lookup per write, 5 % of what a silo allocated per transition
/// (docs/benchmarks.md, session 38). The rewriting follows Npgsql's own: a name is <c>@</c> or <c>:</c> (not doubled)
/// followed by letters, digits, <c>_</c> or <c>.</c>; strings, quoted identifiers, dollar quotes and comments are left
/// alone; only the names given are replaced (others stay as written, as Npgsql leaves a name it has no parameter for);
/// a name used twice is one position.
/// </summary>
public sealed class PositionalStatement
{
    private readonly string[] _names;

    private PositionalStatement(string text, string[] names) => (Text, _names) = (text, names);

    /// <summary>The statement with <c>$1</c>, <c>$2</c>, … in place of the names.</summary>
    public string Text { get; }

    /// <summary>The names at positions 1, 2, …: the parameters <see cref="Bind"/> adds, in that order.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>Rewrites <paramref name="sql"/>'s placeholders named in <paramref name="parameterNames"/> (case-insensitive, as Npgsql matches them).</summary>
    public static PositionalStatement Of(string sql, IEnumerable<string> parameterNames)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sql);
        ArgumentNullException.ThrowIfNull(parameterNames);
        var known = new HashSet<string>(parameterNames, StringComparer.OrdinalIgnoreCase);
        var positions = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var names = new List<string>();
        var text = new StringBuilder(sql.Length);
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            var previous = i > 0 ? sql[i - 1] : '\0';
            var skipped = c switch
            {
                '\'' => QuotedEnd(sql, i, '\'', backslashEscapes: previous is 'E' or 'e' && !(i > 1 && char.IsLetterOrDigit(sql[i - 2]))),
                '"' => QuotedEnd(sql, i, '"', backslashEscapes: false),
                '-' when At(sql, i + 1) == '-' => LineEnd(sql, i),
                '/' when At(sql, i + 1) == '*' => BlockCommentEnd(sql, i),
                '$' when !IsIdentifierChar(previous) => DollarQuoteEnd(sql, i),
                _ => i,
            };
            if (skipped > i)
            {
                text.Append(sql, i, skipped - i);
                i = skipped;
                continue;
            }

            if (c is '@' or ':' && previous != c && IsNameChar(At(sql, i + 1)))
            {
                var end = i + 1;
                while (end < sql.Length && IsNameChar(sql[end]))
                {
                    end++;
                }

                var name = sql[(i + 1)..end];
                if (known.Contains(name))
                {
                    if (!positions.TryGetValue(name, out var position))
                    {
                        names.Add(name);
                        position = names.Count;
                        positions[name] = position;
                    }

                    text.Append('$').Append(position);
                }
                else
                {
                    text.Append(sql, i, end - i);
                }

                i = end;
                continue;
            }

            text.Append(c);
            i++;
        }

        return new PositionalStatement(text.ToString(), [.. names]);
    }

    /// <summary>
    /// Adds to <paramref name="target"/>, in the statement's order and without their names, the parameters of
    /// <paramref name="named"/> it uses (one each); a name the statement uses that no parameter carries is refused.
    /// </summary>
    public void Bind(NpgsqlParameterCollection target, IReadOnlyList<NpgsqlParameter> named)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(named);
        foreach (var name in _names)
        {
            NpgsqlParameter? found = null;
            for (var i = 0; i < named.Count && found is null; i++)
            {
                if (string.Equals(named[i].ParameterName, name, StringComparison.OrdinalIgnoreCase))
                {
                    found = named[i];
                }
            }

            if (found is null)
            {
                throw new ArgumentException($"The statement uses @{name}, which none of the parameters is named.", nameof(named));
            }

            found.ParameterName = string.Empty;
            target.Add(found);
        }
    }

    private static char At(string sql, int index) => index < sql.Length ? sql[index] : '\0';

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '.';

    private static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '$';

    /// <summary>Past the closing quote (a doubled quote stays inside; so does an escaped one in an E'' string).</summary>
    private static int QuotedEnd(string sql, int start, char quote, bool backslashEscapes)
    {
        var i = start + 1;
        while (i < sql.Length)
        {
            if (backslashEscapes && sql[i] == '\\')
            {
                i += 2;
                continue;
            }

            if (sql[i] == quote)
            {
                if (At(sql, i + 1) != quote)
                {
                    return i + 1;
                }

                i++;
            }

            i++;
        }

        return sql.Length;
    }

    private static int LineEnd(string sql, int start)
    {
        var end = sql.IndexOf('\n', start);
        return end < 0 ? sql.Length : end + 1;
    }

    /// <summary>Past the comment's end; PostgreSQL's block comments nest.</summary>
    private static int BlockCommentEnd(string sql, int start)
    {
        var depth = 0;
        var i = start;
        while (i < sql.Length)
        {
            if (sql[i] == '/' && At(sql, i + 1) == '*')
            {
                depth++;
                i += 2;
            }
            else if (sql[i] == '*' && At(sql, i + 1) == '/')
            {
                depth--;
                i += 2;
                if (depth == 0)
                {
                    return i;
                }
            }
            else
            {
                i++;
            }
        }

        return sql.Length;
    }

    /// <summary>Past a <c>$tag$…$tag$</c> string; the start itself when this <c>$</c> opens none (<c>$1</c>).</summary>
    private static int DollarQuoteEnd(string sql, int start)
    {
        var i = start + 1;
        while (i < sql.Length && (char.IsLetterOrDigit(sql[i]) || sql[i] == '_'))
        {
            i++;
        }

        if (At(sql, i) != '$' || (i > start + 1 && char.IsDigit(sql[start + 1])))
        {
            return start;
        }

        var tag = sql[start..(i + 1)];
        var close = sql.IndexOf(tag, i + 1, StringComparison.Ordinal);
        return close < 0 ? sql.Length : close + tag.Length;
    }
}
