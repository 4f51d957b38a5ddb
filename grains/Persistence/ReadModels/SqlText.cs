using System.Globalization;
using System.Text;
using Npgsql;

namespace Actors.Persistence.ReadModels;

/// <summary>
/// SQL text with positional parameters ($1, $2...), each a typed <see cref="NpgsqlParameter{T}"/>, built for one
/// command of a batch. Values only ever travel as parameters; the text holds our own column names alone.
/// </summary>
public sealed class SqlText
{
    private readonly StringBuilder _text = new();
    private readonly List<NpgsqlParameter> _parameters = [];

    public SqlText Append(string sql)
    {
        _text.Append(sql);
        return this;
    }

    /// <summary>Adds a parameter and returns its placeholder.</summary>
    public string Parameter<T>(T value) => Add(new NpgsqlParameter<T> { TypedValue = value });

    /// <summary>Adds a prepared parameter (one with a database type set) and returns its placeholder.</summary>
    public string Add(NpgsqlParameter parameter)
    {
        _parameters.Add(parameter);
        return "$" + _parameters.Count.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary><c> AND column = ANY($n)</c> when values are given; nothing for "any".</summary>
    public SqlText AndAnyOf(string column, IEnumerable<string>? values)
    {
        var array = values?.ToArray();
        if (array is { Length: > 0 })
        {
            _text.Append(" AND ").Append(column).Append(" = ANY(").Append(Parameter(array)).Append(')');
        }

        return this;
    }

    /// <summary><c> AND column op $n</c> when a value is given.</summary>
    public SqlText AndCompare<T>(string column, string op, T? value)
        where T : struct
    {
        if (value is { } v)
        {
            _text.Append(" AND ").Append(column).Append(' ').Append(op).Append(' ').Append(Parameter(v));
        }

        return this;
    }

    public NpgsqlBatchCommand ToBatchCommand()
    {
        var command = new NpgsqlBatchCommand(_text.ToString());
        command.Parameters.AddRange(_parameters.ToArray());
        return command;
    }

    public NpgsqlCommand ToCommand(NpgsqlConnection connection, NpgsqlTransaction? transaction)
    {
        var command = new NpgsqlCommand(_text.ToString(), connection, transaction);
        command.Parameters.AddRange(_parameters.ToArray());
        return command;
    }

    public override string ToString() => _text.ToString();
}
