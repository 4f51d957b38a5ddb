using Actors.Contracts.Outbox;
using Actors.Contracts.Retention;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Actors.SiloHosting.Outbox;

/// <summary>
/// Embedded mode: a request that reaches a final status is put in its retention bucket, and a purged request's document
/// purged, straight from the publisher (there is no relay). A bucket that cannot be written must not undo the step, which is already stored: it is logged.
/// </summary>
public sealed class RetentionDispatch(
    IGrainFactory grains, IOptionsMonitor<RetentionOptions> options, TimeProvider clock, ILogger<RetentionDispatch> logger)
{
    public async Task DispatchAsync(IReadOnlyList<OutboxEvent> events)
    {
        try
        {
            await RetentionTriggers.Apply(grains, events, options.CurrentValue.Policy(), clock.GetUtcNow());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "The retention of a request that became final could not be scheduled, or a purged request's document could not be purged.");
        }
    }
}
