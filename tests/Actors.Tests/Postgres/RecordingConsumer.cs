using System.Collections.Frozen;
using Actors.Contracts.Outbox;
using Actors.Persistence.Outbox;
using Npgsql;

namespace Actors.Tests.Postgres;

/// <summary>
/// A test consumer whose effect is a row per event in <c>probe_effect</c>, counting applications: exactly-once
/// delivery shows as every count being 1. It can be told to fail after writing its effects, like a crash mid-batch.
/// </summary>
public sealed class RecordingConsumer(string name, params string[] types) : IOutboxConsumer
{
    public const string CreateTableSql = """
        CREATE TABLE IF NOT EXISTS probe_effect
        (
          consumer text NOT NULL,
          aggregate_id text NOT NULL,
          version bigint NOT NULL,
          applied integer NOT NULL,
          applied_order bigserial,
          PRIMARY KEY (consumer, aggregate_id, version)
        )
        """;

    private int _failures;

    public string Name { get; } = name;

    /// <summary>Its own by default, as for any consumer; consumers given one lane share the relay's rounds.</summary>
    public string Lane { get; init; } = name;

    public IReadOnlySet<string> HandledTypes { get; } = types.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>How many coming batches to fail after their effects were written.</summary>
    public int FailNextBatches
    {
        get => Volatile.Read(ref _failures);
        set => Volatile.Write(ref _failures, value);
    }

    public async Task ApplyAsync(IReadOnlyList<OutboxEvent> batch, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        foreach (var e in batch)
        {
            await using var command = new NpgsqlCommand("""
                INSERT INTO probe_effect (consumer, aggregate_id, version, applied) VALUES ($1, $2, $3, 1)
                ON CONFLICT (consumer, aggregate_id, version) DO UPDATE SET applied = probe_effect.applied + 1
                """, connection, transaction);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Name });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = e.AggregateId });
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = e.Version });
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        if (Interlocked.Decrement(ref _failures) >= 0)
        {
            throw new InvalidOperationException("Simulated failure after the batch's effects were written.");
        }

        Interlocked.CompareExchange(ref _failures, 0, -1);
    }
}
