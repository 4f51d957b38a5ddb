using Actors.Contracts.Centers;
using Actors.Contracts.Centers.Events;
using Actors.Contracts.Naming;
using Actors.Contracts.Outbox;
using Actors.Persistence.Outbox;
using Npgsql;

namespace Actors.Persistence.Centers;

/// <summary>
/// Feeds the center directory from the outbox. Its effect is a grain call, not a row in the relay's
/// transaction: that is safe because the directory keeps the highest version of each center, so a
/// batch applied again after a failed checkpoint changes nothing. A failed call throws, and the
/// relay offers the batch again.
/// </summary>
public sealed class CenterDirectoryConsumer(IGrainFactory grains) : IOutboxConsumer
{
    /// <inheritdoc />
    public string Name => "center-directory";

    /// <inheritdoc />
    public string Lane => OutboxLanes.Grains;

    /// <inheritdoc />
    public IReadOnlySet<string> HandledTypes => CenterEvents.Types;

    /// <inheritdoc />
    public Task ApplyAsync(IReadOnlyList<OutboxEvent> batch, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        grains.Reference<ICenterDirectoryGrain>(0).Apply(CenterEvents.LatestCenters(batch)).WaitAsync(cancellationToken);
}
