using Actors.Contracts.Outbox;
using Actors.Contracts.Requests.Pathway;
using Actors.Persistence.Outbox;
using Npgsql;

namespace Actors.Persistence.Requests;

/// <summary>
/// Wakes the automatic pathway of each request whose events the relay delivers. A wake registers the
/// pathway's durable reminder before it returns, so once this batch's checkpoint moves, the work is safe
/// even if every silo stops; a batch delivered twice only wakes a pathway twice, which changes nothing.
/// </summary>
public sealed class PathwayConsumer(IGrainFactory grains) : IOutboxConsumer
{
    public string Name => "request-pathway";

    public IReadOnlySet<string> HandledTypes => PathwayTriggers.Types;

    public Task ApplyAsync(IReadOnlyList<OutboxEvent> batch, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        PathwayTriggers.Wake(grains, batch);
}
