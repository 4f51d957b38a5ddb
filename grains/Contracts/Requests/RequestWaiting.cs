using Actors.Contracts.Centers;
using Actors.Contracts.Naming;

namespace Actors.Contracts.Requests;

/// <summary>A request held up by its center, and the words that say why.</summary>
public sealed record RequestWaiting(WaitingReason Reason, string Message)
{
    /// <summary>Statuses that still need the center: everything before the card is in production, and the record check.</summary>
    private static readonly HashSet<RequestStatus> NeedsCenter =
    [
        RequestStatus.Submitted, RequestStatus.Verifying, RequestStatus.NeedsCorrection, RequestStatus.AwaitingPayment,
        RequestStatus.Paid, RequestStatus.AppointmentBooked,
    ];

    /// <summary>Why the request waits on this center now, or null when it does not (a final request never waits).</summary>
    public static RequestWaiting? Of(CitizenRequestView request, ServiceCenterView? center)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (center is null || !NeedsCenter.Contains(request.Status))
        {
            return null;
        }

        const string Consent = "It waits there; the citizen can move it to another center of the governorate (moveRequestToCenter).";
        var service = CenterServices.Needed(request.Kind);
        if (!center.Offers(service))
        {
            return new RequestWaiting(WaitingReason.ServiceWithdrawn, $"Center {center.Code} no longer offers {SchemaText.Of(service)}. {Consent}");
        }

        return center.TakesRequests
            ? null
            : new RequestWaiting(WaitingReason.CenterNotTakingBookings, $"Center {center.Code} is {SchemaText.Of(center.Phase)} and takes no bookings. {Consent}");
    }
}
