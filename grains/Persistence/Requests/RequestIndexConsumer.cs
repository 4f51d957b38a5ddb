using Actors.Contracts.Outbox;
using Actors.Contracts.Requests.Events;
using Actors.Persistence.Outbox;
using Npgsql;

namespace Actors.Persistence.Requests;

/// <summary>
/// Feeds <see cref="PostgresRequestIndex"/> from the outbox: each request event carries the request
/// as the step left it, and the row is built from it (<see cref="RequestEvents"/>, which also reads
/// the previous release's CitizenRequestChanged).
/// </summary>
public sealed class RequestIndexConsumer : IOutboxConsumer
{
    /// <inheritdoc />
    public string Name => PostgresRequestIndex.ConsumerName;

    /// <inheritdoc />
    public string Lane => OutboxLanes.Database;

    /// <inheritdoc />
    public IReadOnlySet<string> HandledTypes => RequestEvents.IndexedTypes;

    /// <inheritdoc />
    public Task ApplyAsync(IReadOnlyList<OutboxEvent> batch, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var entries = batch.Select(RequestEvents.IndexEntryOf).ToList();
        return PostgresRequestIndex.UpsertAsync(entries, connection, transaction, cancellationToken);
    }
}
