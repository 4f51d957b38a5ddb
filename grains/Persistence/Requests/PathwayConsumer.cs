using Actors.Contracts.Outbox;
using Actors.Contracts.Requests.Pathway;
using Actors.Persistence.Outbox;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Actors.Persistence.Requests;

/// <summary>
/// Wakes the automatic pathway of each request whose events the relay delivers. A wake registers the
/// pathway's durable reminder before it returns, so once this batch's checkpoint moves, the work is safe
/// even if every silo stops; a batch delivered twice only wakes a pathway twice, which changes nothing.
/// </summary>
public sealed class PathwayConsumer(IGrainFactory grains, IOptionsMonitor<PathwayOptions> options) : IOutboxConsumer
{
    public string Name => "request-pathway";

    /// <inheritdoc />
    public string Lane => OutboxLanes.Grains;

    public IReadOnlySet<string> HandledTypes => PathwayTriggers.Types;

    /// <summary>With the pathway off (an operator's switch), events pass by: agents take every step.</summary>
    public Task ApplyAsync(IReadOnlyList<OutboxEvent> batch, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        options.CurrentValue.Automatic ? PathwayTriggers.Wake(grains, batch) : Task.CompletedTask;
}
