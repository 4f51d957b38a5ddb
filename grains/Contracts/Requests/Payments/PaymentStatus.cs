namespace Actors.Contracts.Requests.Payments;

/// <summary>An online payment's status (<see cref="PaymentTransitions"/>).</summary>
public enum PaymentStatus
{
    Created,
    Authorised,
    Captured,
    Declined,
    Expired,
    Refunded,
}
