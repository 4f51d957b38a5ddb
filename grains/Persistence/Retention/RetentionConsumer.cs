using Actors.Contracts.Outbox;
using Actors.Contracts.Retention;
using Actors.Persistence.Outbox;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Actors.Persistence.Retention;

/// <summary>
/// Puts each request that reached a final status in the retention bucket of the day its period ends. A bucket
/// write is durable before this returns, so once the batch's checkpoint moves the purge is scheduled even if every
/// silo stops; a batch delivered twice schedules each request once (a bucket holds a request once). A purged request's
/// issued document is purged here too, before the checkpoint moves, and its earlier outbox events lose their copies of
/// the personal data (<see cref="OutboxRedaction"/>, in the checkpoint's transaction).
/// </summary>
public sealed class RetentionConsumer(IGrainFactory grains, IOptionsMonitor<RetentionOptions> options, TimeProvider clock) : IOutboxConsumer
{
    public string Name => "retention";

    /// <inheritdoc />
    public string Lane => OutboxLanes.Grains;

    public IReadOnlySet<string> HandledTypes => RetentionTriggers.Types;

    public async Task ApplyAsync(IReadOnlyList<OutboxEvent> batch, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await RetentionTriggers.Apply(grains, batch, options.CurrentValue.Policy(), clock.GetUtcNow());
        await OutboxRedaction.RedactPurgedAsync(batch, connection, transaction, cancellationToken);
    }
}
