using System.Security.Cryptography;
using System.Text;
using Actors.Contracts.Naming;
using Actors.Contracts.Outbox;
using Actors.Contracts.Requests;
using Actors.Contracts.Requests.Events;

namespace Actors.Contracts.Scheduling;

/// <summary>
/// Between a request's appointment and the day schedule's seat: the hold id a booking uses, and what the
/// outbox consumers (embedded publisher, PostgreSQL relay) do with a committed appointment change —
/// confirm the current seat, free the previous one. Both calls are idempotent, so a batch delivered twice,
/// or a consumer that runs after the request already did the same, changes nothing.
/// </summary>
public static class AppointmentSeats
{
    public static IReadOnlySet<string> Types { get; } = new HashSet<string>(StringComparer.Ordinal) { nameof(RequestAppointmentChanged) };

    /// <summary>The same request and idempotency key always give the same hold id: a retried booking finds its seat.</summary>
    public static string HoldIdFor(Guid requestId, string idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(requestId.ToString("N") + "|" + idempotencyKey));
        return "H" + Convert.ToHexString(hash, 0, 16);
    }

    /// <summary>The day schedule that holds an appointment's seat; null for an appointment stored before slots.</summary>
    public static ICenterDayScheduleGrain? ScheduleOf(IGrainFactory grains, Appointment? appointment)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return appointment is { HoldId: not null, Service: { } service }
            ? grains.Reference<ICenterDayScheduleGrain>(DayScheduleKeys.For(new SlotKey(appointment.CenterId, service, appointment.At)))
            : null;
    }

    public static async Task Settle(IGrainFactory grains, IReadOnlyList<OutboxEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var e in events.Where(e => Types.Contains(e.Type)))
        {
            var change = e.PayloadAs<RequestAppointmentChanged>();
            if (ScheduleOf(grains, change.Current) is { } current)
            {
                await current.Confirm(change.Current!.HoldId!);
            }

            if (ScheduleOf(grains, change.Previous) is { } previous && change.Previous!.HoldId != change.Current?.HoldId)
            {
                await previous.Release(change.Previous.HoldId!);
            }
        }
    }
}
