namespace Actors.Contracts.Requests.Payments;

/// <summary>When money goes back: the pathway refunds what these rules name, once each.</summary>
public static class PaymentRules
{
    /// <summary>
    /// Captured payments that must be refunded: every capture of a request rejected or cancelled (the
    /// citizen gets nothing for it), and every capture that did not pay the request (a second card payment,
    /// or one that arrived after the request was paid at the desk or expired).
    /// </summary>
    public static IReadOnlyList<Payment> RefundsDue(CitizenRequestView request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var stopped = request.Status is RequestStatus.Rejected or RequestStatus.Cancelled;
        return (request.Payments ?? [])
            .Where(p => p.Status == PaymentStatus.Captured && (stopped || request.Payment?.Reference != p.OrderId))
            .ToList();
    }
}
