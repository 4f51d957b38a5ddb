using Npgsql;
using NpgsqlTypes;

namespace Actors.Persistence.ReadModels;

/// <summary>
/// A column a read model writes: its name, its PostgreSQL type, and how a batch of entries becomes one typed array
/// parameter (the upsert unnests one array per column).
/// </summary>
public sealed record IndexColumn<TEntry>(string Name, string SqlType, Func<IReadOnlyList<TEntry>, NpgsqlParameter> Values)
{
    public static IndexColumn<TEntry> Of<TValue>(string name, string sqlType, Func<TEntry, TValue> value) =>
        new(name, sqlType, entries => new NpgsqlParameter<TValue[]> { TypedValue = entries.Select(value).ToArray() });

    /// <summary>
    /// An instant as two columns: <c>{name}_at</c> (timestamptz, for people and SQL) and <c>{name}_ticks</c> (.NET
    /// ticks, UTC, for exact filters, sorting and cursors: timestamptz keeps only microseconds). Read it back with
    /// <see cref="Instant(NpgsqlDataReader, int)"/> from the ticks.
    /// </summary>
    public static IEnumerable<IndexColumn<TEntry>> Instant(string name, Func<TEntry, DateTimeOffset> value) =>
    [
        Of(name + "_at", "timestamptz", e => value(e).ToUniversalTime()),
        Of(name + "_ticks", "bigint", e => value(e).UtcTicks),
    ];

    /// <summary>The instant in a <c>_ticks</c> column, in UTC.</summary>
    public static DateTimeOffset Instant(NpgsqlDataReader reader, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new DateTimeOffset(reader.GetInt64(ordinal), TimeSpan.Zero);
    }

    /// <summary>
    /// A jsonb column from JSON as UTF-8 bytes (null: SQL NULL): what the serializer writes, sent as it is, with no
    /// UTF-16 string of it in between (a request's document is a few kilobytes, written at every step).
    /// </summary>
    public static IndexColumn<TEntry> Json(string name, Func<TEntry, byte[]?> json) =>
        new(name, "jsonb", entries => new NpgsqlParameter<byte[]?[]>
        {
            NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb,
            TypedValue = entries.Select(json).ToArray(),
        });
}
