using Actors.Contracts.Outbox;
using Actors.Contracts.Requests.Clocks;
using Actors.Persistence.Outbox;
using Npgsql;

namespace Actors.Persistence.Requests;

/// <summary>
/// Wakes the service-level clock of each request whose status events the relay delivers. A wake registers the clock's
/// durable reminder before it returns, so once this batch's checkpoint moves, the look is safe even if every silo
/// stops; a batch delivered twice only looks twice, and each look is idempotent. Always on (not gated by
/// <c>Pathway:Automatic</c>).
/// </summary>
public sealed class RequestClockConsumer(IGrainFactory grains) : IOutboxConsumer
{
    public string Name => "request-clock";

    /// <inheritdoc />
    public string Lane => OutboxLanes.Grains;

    public IReadOnlySet<string> HandledTypes => ClockTriggers.Types;

    public Task ApplyAsync(IReadOnlyList<OutboxEvent> batch, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        ClockTriggers.Wake(grains, batch);
}
