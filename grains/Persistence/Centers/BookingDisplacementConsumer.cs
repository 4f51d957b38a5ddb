using Actors.Contracts.Outbox;
using Actors.Contracts.Scheduling;
using Actors.Persistence.Outbox;
using Npgsql;

namespace Actors.Persistence.Centers;

/// <summary>
/// Moves or cancels the bookings that a center's closure or suspension hits, from the center's outbox: the checkpoint
/// moves only once every affected request has answered, and a request asked twice changes nothing the second time.
/// </summary>
public sealed class BookingDisplacementConsumer(IGrainFactory grains) : IOutboxConsumer
{
    public string Name => "booking-displacement";

    /// <inheritdoc />
    public string Lane => OutboxLanes.Grains;

    public IReadOnlySet<string> HandledTypes => BookingDisplacements.Types;

    public Task ApplyAsync(IReadOnlyList<OutboxEvent> batch, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        BookingDisplacements.Dispatch(grains, batch);
}
