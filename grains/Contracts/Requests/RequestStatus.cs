namespace Actors.Contracts.Requests;

/// <summary>
/// Every status of both pathways. The card goes SUBMITTED → VERIFYING → AWAITING_PAYMENT → PAID →
/// APPOINTMENT_BOOKED → BIOMETRICS_CAPTURED → IN_PRODUCTION → READY_FOR_DELIVERY → DELIVERED;
/// the extract goes SUBMITTED → VERIFYING → AWAITING_PAYMENT → PAID → RECORD_CHECK → ISSUED or
/// REFERRED. <see cref="RequestTransitions"/> is the only place that says which moves are legal.
/// </summary>
public enum RequestStatus
{
    Submitted,
    Verifying,
    NeedsCorrection,
    AwaitingPayment,
    Paid,
    AppointmentBooked,
    BiometricsCaptured,
    InProduction,
    ReadyForDelivery,
    Delivered,
    RecordCheck,
    Issued,
    Referred,
    Rejected,
    Cancelled,
    Expired,
}
