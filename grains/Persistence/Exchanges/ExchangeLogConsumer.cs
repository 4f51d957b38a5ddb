using Actors.Contracts.Interop.Exchanges;
using Actors.Contracts.Outbox;
using Actors.Persistence.Outbox;
using Npgsql;

namespace Actors.Persistence.Exchanges;

/// <summary>
/// Feeds <see cref="PostgresExchangeLog"/> from the outbox: each ExchangeRecorded of a request's pathway becomes one
/// row, inserted once (a replayed batch inserts nothing new).
/// </summary>
public sealed class ExchangeLogConsumer : IOutboxConsumer
{
    /// <inheritdoc />
    public string Name => PostgresExchangeLog.ConsumerName;

    /// <inheritdoc />
    public string Lane => OutboxLanes.Database;

    /// <inheritdoc />
    public IReadOnlySet<string> HandledTypes => ExchangeEvents.LoggedTypes;

    /// <inheritdoc />
    public Task ApplyAsync(IReadOnlyList<OutboxEvent> batch, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return PostgresExchangeLog.UpsertAsync(ExchangeEvents.LogEntries(batch), connection, transaction, cancellationToken);
    }
}
