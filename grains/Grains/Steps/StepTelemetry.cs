using Actors.Contracts.Naming;
using Actors.Contracts.Outbox;
using Actors.Contracts.Requests;
using Actors.Contracts.Requests.Events;
using Actors.Telemetry;

namespace Actors.Grains.Steps;

/// <summary>
/// What a committed step tells the "Actors" meter. Called by <see cref="GrainSteps{TState}"/> after the write succeeded
/// and only then: a refused step, a failed write (restored) and an idempotent retry (which returns before committing)
/// count nothing, and the outbox's consumers, which may see an event twice, never count.
/// </summary>
internal static class StepTelemetry
{
    public static void Committed(string aggregateType, IReadOnlyList<IDomainEvent> events)
    {
        foreach (var happened in events)
        {
            var request = RequestOf(happened);
            ActorsMetrics.Transition(
                aggregateType,
                happened.GetType().Name,
                request is null ? ActorsMetrics.None : SchemaText.Of(request.Kind),
                happened is RequestStatusChanged changed ? SchemaText.Of(changed.To)
                    : request is null ? ActorsMetrics.None : SchemaText.Of(request.Status));
            if (happened is RequestPaymentChanged payment)
            {
                ActorsMetrics.Payment(SchemaText.Of(payment.Payment.Status));
            }
        }
    }

    /// <summary>The request as the event left it: every request event carries the request's view.</summary>
    private static CitizenRequestView? RequestOf(IDomainEvent happened) => happened switch
    {
        RequestSubmitted e => e.Request,
        RequestStatusChanged e => e.Request,
        RequestPaymentChanged e => e.Request,
        RequestPendingChanged e => e.Request,
        RequestOverdue e => e.Request,
        RequestEscalated e => e.Request,
        RequestCenterChanged e => e.Request,
        _ => null,
    };
}
