namespace Actors.Contracts.Requests.Clocks;

/// <summary>
/// Configuration section "Sla": the service-level target of each status, in working days of the request's
/// center calendar (weekends, public holidays and the center's closures do not count), and what follows
/// a missed target. The defaults are ours (no published norm gives them): SUBMITTED 1, VERIFYING 2,
/// NEEDS_CORRECTION 10, AWAITING_PAYMENT 5, PAID 10, BIOMETRICS_CAPTURED 1, IN_PRODUCTION 10,
/// READY_FOR_DELIVERY 15, RECORD_CHECK 2; APPOINTMENT_BOOKED is due at the end of the appointment's day.
/// A request past its target is overdue; <see cref="EscalateAfter"/> working days later it is escalated to
/// its governorate's supervisors; a card request left PAID without an appointment for
/// <see cref="ExpireUnbookedAfter"/> working days expires. An unpaid request's expiry is the automatic
/// pathway's (<c>Pathway:PaymentExpiresAfter</c>), not this clock's.
/// </summary>
public sealed class SlaOptions
{
    public const string Section = "Sla";

    /// <summary>Working days per status (configuration keys are the enum's names, e.g. <c>Sla:TargetDays:NeedsCorrection</c>).</summary>
    public Dictionary<RequestStatus, int> TargetDays { get; set; } = new()
    {
        [RequestStatus.Submitted] = 1,
        [RequestStatus.Verifying] = 2,
        [RequestStatus.NeedsCorrection] = 10,
        [RequestStatus.AwaitingPayment] = 5,
        [RequestStatus.Paid] = 10,
        [RequestStatus.BiometricsCaptured] = 1,
        [RequestStatus.InProduction] = 10,
        [RequestStatus.ReadyForDelivery] = 15,
        [RequestStatus.RecordCheck] = 2,
    };

    /// <summary>Working days past the due date before an overdue request is escalated.</summary>
    public int EscalateAfter { get; set; } = 5;

    /// <summary>Working days a card request may stay PAID without an appointment before it expires.</summary>
    public int ExpireUnbookedAfter { get; set; } = 30;

    /// <summary>
    /// The longest wait of the request clock's reminder: a far threshold is approached in steps of at most this,
    /// so that a calendar change (a new closure) or a moved clock is seen within it.
    /// </summary>
    public TimeSpan MaxReminderDelay { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The reminder's period: how soon a tick lost to a crash comes again (at least Orleans' minimum reminder period, 1 minute).</summary>
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromHours(1);

    public bool IsValid =>
        TargetDays.All(t => t.Value is >= 1 and <= 366 && !RequestTransitions.IsFinal(t.Key) && t.Key != RequestStatus.AppointmentBooked)
        && EscalateAfter is >= 1 and <= 366 && ExpireUnbookedAfter is >= 1 and <= 366
        && MaxReminderDelay > TimeSpan.Zero && ReminderPeriod > TimeSpan.Zero;

    public const string Rules =
        "Sla: TargetDays between 1 and 366 for non-final statuses other than AppointmentBooked; EscalateAfter and ExpireUnbookedAfter between 1 and 366; MaxReminderDelay and ReminderPeriod positive.";
}
