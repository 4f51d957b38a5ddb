using System.Text.Json;
using Actors.Contracts.Outbox;
using Npgsql;

namespace Actors.Tests.Postgres;

/// <summary>
/// Writes grain state rows the way the storage provider does, with an "Outbox" list serialized by System.Text.Json
/// defaults (as Orleans' JSON grain storage serializer does), so tests can drive the outbox without a silo.
/// </summary>
public static class OutboxStateWriter
{
    public static OutboxEvent Event(string aggregateId, long version, string type = "ProbeTransitioned", string? payload = null) =>
        new("probe", aggregateId, version, type, payload ?? JsonSerializer.Serialize(new { note = $"v{version}" }), DateTimeOffset.UtcNow);

    /// <summary>Upserts the state row of <paramref name="aggregateId"/> with these events as its outbox.</summary>
    public static async Task WriteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string aggregateId, params OutboxEvent[] events)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(new { Version = events.Select(e => e.Version).DefaultIfEmpty().Max(), Outbox = events });
        await using var command = new NpgsqlCommand("""
            INSERT INTO orleans_storage (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension, payload, version)
            VALUES ('tests', 'probe', 0, 0, $1, $2, 1)
            ON CONFLICT (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension)
            DO UPDATE SET payload = excluded.payload, version = orleans_storage.version + 1
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = aggregateId });
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = payload });
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    public static async Task WriteAsync(NpgsqlDataSource dataSource, string aggregateId, params OutboxEvent[] events)
    {
        await using var connection = await dataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await WriteAsync(connection, null, aggregateId, events);
    }
}
