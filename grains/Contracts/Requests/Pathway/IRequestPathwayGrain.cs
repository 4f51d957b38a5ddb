using Actors.Contracts.Interop.Exchanges;
using Orleans.Concurrency;

namespace Actors.Contracts.Requests.Pathway;

/// <summary>
/// The automatic pathway of one request (same key as the request): it asks the outside systems what each
/// step needs (civil registry, Education, Justice), moves the request with their answers, sends the
/// citizen's notifications, refunds what must be refunded and expires what was never paid. It acts as a
/// consumer of the request's outbox, never inside the request's own turn.
/// </summary>
public interface IRequestPathwayGrain : IGrainWithGuidKey
{
    /// <summary>
    /// The request changed (an outbox event). Returns at once: the work runs on the pathway's own turns,
    /// behind a durable reminder, so a crash after this call loses nothing.
    /// </summary>
    [AlwaysInterleave]
    Task Wake();

    /// <summary>Records an exchange someone else made on this request's behalf (the payment desk with the gateway).</summary>
    Task RecordExchange(ExchangeRecord exchange);
}
