using Actors.Contracts.Campaigns;
using Actors.Contracts.Outbox;
using Actors.Persistence.Outbox;
using Npgsql;

namespace Actors.Persistence.Campaigns;

/// <summary>
/// Gives each campaign the milestones of its pupils' requests as the relay delivers their events. The campaign grain
/// stores them before this returns, so the checkpoint only moves past counted events; a batch delivered twice (a silo
/// killed before its checkpoint) counts nothing twice, the grain keeping each request's milestones.
/// </summary>
public sealed class CampaignCounterConsumer(IGrainFactory grains) : IOutboxConsumer
{
    public string Name => "campaign-counters";

    /// <inheritdoc />
    public string Lane => OutboxLanes.Grains;

    public IReadOnlySet<string> HandledTypes => CampaignCounting.Types;

    public Task ApplyAsync(IReadOnlyList<OutboxEvent> batch, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        CampaignCounting.Count(grains, batch);
}
