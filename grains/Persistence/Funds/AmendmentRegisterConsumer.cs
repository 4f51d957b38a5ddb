using Actors.Contracts.Funds;
using Actors.Contracts.Funds.Events;
using Actors.Contracts.Naming;
using Actors.Contracts.Outbox;
using Actors.Persistence.Outbox;
using Npgsql;

namespace Actors.Persistence.Funds;

/// <summary>
/// Feeds each year's amendment register from the outbox. Its effect is a grain call, not a row in the
/// relay's transaction: that is safe because the register keeps the highest version of each
/// amendment, so a batch applied again after a failed checkpoint changes nothing.
/// </summary>
public sealed class AmendmentRegisterConsumer(IGrainFactory grains) : IOutboxConsumer
{
    /// <inheritdoc />
    public string Name => "amendment-register";

    /// <inheritdoc />
    public string Lane => OutboxLanes.Grains;

    /// <inheritdoc />
    public IReadOnlySet<string> HandledTypes => FundEvents.AmendmentEventTypes;

    /// <inheritdoc />
    public Task ApplyAsync(IReadOnlyList<OutboxEvent> batch, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        Task.WhenAll(FundEvents.Amendments(batch)
                .GroupBy(a => a.Year)
                .Select(year => grains.Reference<IAmendmentRegisterGrain>(year.Key).Apply(year.ToList())))
            .WaitAsync(cancellationToken);
}
