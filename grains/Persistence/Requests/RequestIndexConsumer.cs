using System.Collections.Frozen;
using Actors.Contracts.Outbox;
using Actors.Contracts.Requests.Index;
using Actors.Persistence.Outbox;
using Npgsql;

namespace Actors.Persistence.Requests;

/// <summary>Feeds <see cref="PostgresRequestIndex"/> from the outbox: each CitizenRequestChanged carries a full index entry.</summary>
public sealed class RequestIndexConsumer : IOutboxConsumer
{
    /// <inheritdoc />
    public string Name => PostgresRequestIndex.ConsumerName;

    /// <inheritdoc />
    public IReadOnlySet<string> HandledTypes { get; } =
        new[] { OutboxEventTypes.CitizenRequestChanged }.ToFrozenSet(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task ApplyAsync(IReadOnlyList<OutboxEvent> batch, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var entries = batch.Select(e => OutboxJson.Deserialize<RequestIndexEntry>(e.Payload)).ToList();
        return PostgresRequestIndex.UpsertAsync(entries, connection, transaction, cancellationToken);
    }
}
