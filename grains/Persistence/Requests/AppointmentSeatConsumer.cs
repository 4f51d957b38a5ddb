using Actors.Contracts.Outbox;
using Actors.Contracts.Scheduling;
using Actors.Persistence.Outbox;
using Npgsql;

namespace Actors.Persistence.Requests;

/// <summary>
/// Confirms the seat of each committed booking and frees the seat of each cancelled or moved one, from the
/// request's outbox: a silo that stopped between the request's commit and its own call to the day schedule
/// loses nothing. Both calls are idempotent, so a batch delivered twice changes nothing.
/// </summary>
public sealed class AppointmentSeatConsumer(IGrainFactory grains) : IOutboxConsumer
{
    public string Name => "appointment-seats";

    /// <inheritdoc />
    public string Lane => OutboxLanes.Grains;

    public IReadOnlySet<string> HandledTypes => AppointmentSeats.Types;

    public Task ApplyAsync(IReadOnlyList<OutboxEvent> batch, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        AppointmentSeats.Settle(grains, batch);
}
