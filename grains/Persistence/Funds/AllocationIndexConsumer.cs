using Actors.Contracts.Funds.Index;
using Actors.Contracts.Outbox;
using Actors.Persistence.Outbox;
using Npgsql;

namespace Actors.Persistence.Funds;

/// <summary>Feeds <see cref="PostgresAllocationIndex"/> from the outbox: each AllocationChanged carries a full index entry.</summary>
public sealed class AllocationIndexConsumer : IOutboxConsumer
{
    /// <inheritdoc />
    public string Name => PostgresAllocationIndex.ConsumerName;

    /// <inheritdoc />
    public IReadOnlySet<string> HandledTypes { get; } = new HashSet<string>(StringComparer.Ordinal) { OutboxEventTypes.AllocationChanged };

    /// <inheritdoc />
    public Task ApplyAsync(IReadOnlyList<OutboxEvent> batch, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var entries = batch.Select(e => OutboxJson.Deserialize<AllocationIndexEntry>(e.Payload)).ToList();
        return PostgresAllocationIndex.UpsertAsync(entries, connection, transaction, cancellationToken);
    }
}
