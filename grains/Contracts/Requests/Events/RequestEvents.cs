using System.Collections.Frozen;
using Actors.Contracts.Outbox;
using Actors.Contracts.Requests.Index;
using Actors.Contracts.Retention.Events;

namespace Actors.Contracts.Requests.Events;

/// <summary>
/// How the request index reads a request's outbox events, in one place for every consumer (the
/// PostgreSQL relay and the embedded publisher). The previous release wrote one
/// <see cref="OutboxEventTypes.CitizenRequestChanged"/> (an index row) per step; such events may
/// still sit in an outbox during a rolling upgrade, so they are still read.
/// </summary>
public static class RequestEvents
{
    /// <summary>The outbox types that change a request's index row.</summary>
    public static IReadOnlySet<string> IndexedTypes { get; } =
        new[] { nameof(RequestSubmitted), nameof(RequestStatusChanged), nameof(RequestPaymentChanged), nameof(RequestPendingChanged), nameof(RequestCenterChanged),
                nameof(RequestOverdue), nameof(RequestEscalated), nameof(RequestPurged), OutboxEventTypes.CitizenRequestChanged }
            .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The index row of the request as the event leaves it.</summary>
    public static RequestIndexEntry IndexEntryOf(OutboxEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Type switch
        {
            nameof(RequestSubmitted) => RequestIndexEntry.From(e.PayloadAs<RequestSubmitted>().Request),
            nameof(RequestStatusChanged) => RequestIndexEntry.From(e.PayloadAs<RequestStatusChanged>().Request),
            nameof(RequestPaymentChanged) => RequestIndexEntry.From(e.PayloadAs<RequestPaymentChanged>().Request),
            nameof(RequestPendingChanged) => RequestIndexEntry.From(e.PayloadAs<RequestPendingChanged>().Request),
            nameof(RequestCenterChanged) => RequestIndexEntry.From(e.PayloadAs<RequestCenterChanged>().Request),
            nameof(RequestOverdue) => RequestIndexEntry.From(e.PayloadAs<RequestOverdue>().Request),
            nameof(RequestEscalated) => RequestIndexEntry.From(e.PayloadAs<RequestEscalated>().Request),
            nameof(RequestPurged) => RequestIndexEntry.From(e.PayloadAs<RequestPurged>().Request),
            OutboxEventTypes.CitizenRequestChanged => e.PayloadAs<RequestIndexEntry>(),
            _ => throw new ArgumentException($"{e.Type} is not an event of the request index.", nameof(e)),
        };
    }
}
