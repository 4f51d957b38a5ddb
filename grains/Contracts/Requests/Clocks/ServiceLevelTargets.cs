using Actors.Contracts.Scheduling;

namespace Actors.Contracts.Requests.Clocks;

/// <summary>
/// The clock's arithmetic, pure: due dates, escalation and expiry thresholds in working time of the center's
/// calendar (<see cref="WorkingTime"/>). The request grain sets <c>DueAt</c> with it; the clock grain schedules with it.
/// </summary>
public static class ServiceLevelTargets
{
    /// <summary>When a request arriving in <paramref name="status"/> at <paramref name="since"/> is due; null for final statuses and those without a target.</summary>
    public static DateTimeOffset? DueAt(
        SlaOptions options, RequestStatus status, Appointment? appointment, CenterCalendar calendar, IReadOnlySet<DateOnly> holidays, DateTimeOffset since)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (RequestTransitions.IsFinal(status))
        {
            return null;
        }

        if (status == RequestStatus.AppointmentBooked)
        {
            // The visit is the target: the day after the appointment's day, the request is late.
            return appointment is null ? null : TunisTime.ToInstant(TunisTime.DayOf(appointment.At).AddDays(1), TimeOnly.MinValue);
        }

        return options.TargetDays.TryGetValue(status, out var days) ? WorkingTime.DueAt(calendar, holidays, since, days) : null;
    }

    /// <summary>When an overdue request is escalated: <see cref="SlaOptions.EscalateAfter"/> working days after its due date.</summary>
    public static DateTimeOffset? EscalationAt(SlaOptions options, CenterCalendar calendar, IReadOnlySet<DateOnly> holidays, DateTimeOffset dueAt)
    {
        ArgumentNullException.ThrowIfNull(options);

        // DueAt is midnight after a working day: counting from the instant just before keeps that day out of the count.
        return WorkingTime.DueAt(calendar, holidays, dueAt - TimeSpan.FromTicks(1), options.EscalateAfter);
    }

    /// <summary>When a card request left PAID (since it last arrived there) without an appointment expires; null for other kinds and statuses.</summary>
    public static DateTimeOffset? UnbookedExpiryAt(
        SlaOptions options, CitizenRequestView request, CenterCalendar calendar, IReadOnlySet<DateOnly> holidays)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Kind != RequestKind.NationalIdCard || request.Status != RequestStatus.Paid)
        {
            return null;
        }

        var paidSince = request.History.LastOrDefault(h => h.Status == RequestStatus.Paid)?.At ?? request.UpdatedAt;
        return WorkingTime.DueAt(calendar, holidays, paidSince, options.ExpireUnbookedAfter);
    }

    /// <summary>The earliest threshold of the request the clock has not acted on yet; null when none is left.</summary>
    public static ClockDeadline? Next(SlaOptions options, CitizenRequestView request, CenterCalendar calendar, IReadOnlySet<DateOnly> holidays)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.IsFinal)
        {
            return null;
        }

        var candidates = new List<ClockDeadline>();
        if (request.DueAt is { } due)
        {
            if (request.OverdueSince is null)
            {
                candidates.Add(new ClockDeadline(ClockDeadlineKind.Overdue, due));
            }
            else if (request.EscalatedAt is null && EscalationAt(options, calendar, holidays, due) is { } escalation)
            {
                candidates.Add(new ClockDeadline(ClockDeadlineKind.Escalation, escalation));
            }
        }

        if (UnbookedExpiryAt(options, request, calendar, holidays) is { } expiry)
        {
            candidates.Add(new ClockDeadline(ClockDeadlineKind.UnbookedExpiry, expiry));
        }

        return candidates.OrderBy(c => c.At).FirstOrDefault();
    }
}
