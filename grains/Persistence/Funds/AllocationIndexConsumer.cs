using Actors.Contracts.Funds.Events;
using Actors.Contracts.Outbox;
using Actors.Persistence.Outbox;
using Npgsql;

namespace Actors.Persistence.Funds;

/// <summary>
/// Feeds <see cref="PostgresAllocationIndex"/> from the outbox: each allocation event carries the
/// allocation after its step, and the index row is built from it here (the previous release's
/// AllocationChanged carried the row itself, and is still read).
/// </summary>
public sealed class AllocationIndexConsumer : IOutboxConsumer
{
    /// <inheritdoc />
    public string Name => PostgresAllocationIndex.ConsumerName;

    /// <inheritdoc />
    public string Lane => OutboxLanes.Database;

    /// <inheritdoc />
    public IReadOnlySet<string> HandledTypes => FundEvents.AllocationEventTypes;

    /// <inheritdoc />
    public Task ApplyAsync(IReadOnlyList<OutboxEvent> batch, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return PostgresAllocationIndex.UpsertAsync(FundEvents.IndexEntries(batch), connection, transaction, cancellationToken);
    }
}
