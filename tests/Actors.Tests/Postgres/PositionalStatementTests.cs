using Actors.Persistence.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Actors.Tests.Postgres;

/// <summary>
/// The storage's statements turned from named placeholders to positional ones once (<see cref="PositionalStatement"/>):
/// the same rewriting Npgsql makes at every execution, so that it can send them as they are.
/// </summary>
public sealed class PositionalStatementTests
{
    [Fact]
    public void Names_become_positions_in_order_of_first_use_and_a_repeated_name_keeps_its_position()
    {
        var statement = PositionalStatement.Of(
            "SELECT @b, @a WHERE x = @B AND y = coalesce(@a, '')", ["a", "b"]);

        Assert.Equal("SELECT $1, $2 WHERE x = $1 AND y = coalesce($2, '')", statement.Text);
        Assert.Equal(["b", "a"], statement.Names);
    }

    [Fact]
    public void Casts_operators_strings_identifiers_comments_and_dollar_quotes_are_not_placeholders()
    {
        const string Sql = """
            SELECT @p::text[], doc @> '{"@p": 1}', "col@p", 'it''s @p', E'a\'@p', $t$ @p $t$, $1 -- @p
            , x /* @p /* nested @p */ still @p */ FROM t WHERE y = :p AND z::int = @p_other
            """;

        var statement = PositionalStatement.Of(Sql, ["p"]);

        Assert.Equal("""
            SELECT $1::text[], doc @> '{"@p": 1}', "col@p", 'it''s @p', E'a\'@p', $t$ @p $t$, $1 -- @p
            , x /* @p /* nested @p */ still @p */ FROM t WHERE y = $1 AND z::int = @p_other
            """, statement.Text);
        Assert.Equal(["p"], statement.Names);
    }

    [Fact]
    public void Bind_adds_the_parameters_the_statement_uses_in_its_order_without_names()
    {
        var statement = PositionalStatement.Of("UPDATE t SET v = @Value WHERE id = @Id", ["Id", "Value", "Unused"]);
        var value = new NpgsqlParameter("value", NpgsqlDbType.Integer) { Value = 7 };
        var id = new NpgsqlParameter("Id", NpgsqlDbType.Bigint) { Value = 42L };
        var unused = new NpgsqlParameter("Unused", NpgsqlDbType.Text) { Value = "x" };
        using var command = new NpgsqlCommand(statement.Text);

        statement.Bind(command.Parameters, [id, unused, value]);

        Assert.Equal([value, id], command.Parameters.ToArray());
        Assert.All(command.Parameters, p => Assert.Equal("", p.ParameterName));
    }

    [Fact]
    public void Bind_refuses_a_statement_whose_name_no_parameter_carries()
    {
        var statement = PositionalStatement.Of("SELECT @Id, @Version", ["Id", "Version"]);
        using var command = new NpgsqlCommand(statement.Text);

        var refused = Assert.Throws<ArgumentException>(() => statement.Bind(command.Parameters, [new NpgsqlParameter("Id", 1)]));

        Assert.Contains("@Version", refused.Message, StringComparison.Ordinal);
    }
}
