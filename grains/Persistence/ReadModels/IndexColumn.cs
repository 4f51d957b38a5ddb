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

    /// <summary>A jsonb column from JSON text (null: SQL NULL).</summary>
    public static IndexColumn<TEntry> Json(string name, Func<TEntry, string?> json) =>
        new(name, "jsonb", entries => new NpgsqlParameter<string?[]>
        {
            NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb,
            TypedValue = entries.Select(json).ToArray(),
        });
}
