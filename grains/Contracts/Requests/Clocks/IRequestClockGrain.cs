using Orleans.Concurrency;

namespace Actors.Contracts.Requests.Clocks;

/// <summary>
/// The service-level clock of one request (same key as the request). It keeps one durable reminder at the
/// request's next threshold (due date, escalation, expiry of an unbooked card) and, when it passes, flags the
/// request overdue, escalates it or expires it, through the request's own steps, by the system actor
/// <c>system:sla-clock</c>. Always on, whatever <c>Pathway:Automatic</c> says.
/// </summary>
public interface IRequestClockGrain : IGrainWithGuidKey
{
    /// <summary>
    /// The request changed (an outbox event). Registers the reminder before it returns, so that the look it asks
    /// for survives any crash; the look itself runs on the reminder's tick, never in the caller's call chain
    /// (which may be the request's own commit); interleaved, since that chain may come from this clock's own step.
    /// </summary>
    [AlwaysInterleave]
    Task Wake();

    /// <summary>
    /// The request changed, and no threshold of it comes before <paramref name="earliestThreshold"/> (null: it has
    /// none left, e.g. it is final). The clock writes its reminder only when the tick it registered does not come by
    /// then; otherwise that tick's look sees the change. Durable before it returns, like <see cref="Wake"/>.
    /// </summary>
    [AlwaysInterleave]
    Task Changed(DateTimeOffset? earliestThreshold);
}
