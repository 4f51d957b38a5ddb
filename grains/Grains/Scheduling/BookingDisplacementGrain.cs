using System.Globalization;
using Actors.Contracts.Centers;
using Actors.Contracts.Naming;
using Actors.Contracts.Requests;
using Actors.Contracts.Scheduling;
using Microsoft.Extensions.Logging;

namespace Actors.Grains.Scheduling;

/// <summary>
/// Walks the day schedules a center change hits and asks each booked request to move or cancel its appointment.
/// Stateless: the outbox consumer that calls it retries the whole order until it returns (PostgreSQL mode), and a
/// request that already moved ignores the second ask.
/// </summary>
public sealed class BookingDisplacementGrain(TimeProvider clock, ILogger<BookingDisplacementGrain> logger) : Grain, IBookingDisplacementGrain
{
    /// <summary>How far ahead a suspension looks for bookings to cancel (ours; bookings open no further ahead than this).</summary>
    private const int SuspensionHorizonDays = 120;

    private const int MaxClosureDays = 366;

    private string CenterId => this.GetPrimaryKeyString();

    public Task ClosureAdded(CenterClosure closure)
    {
        ArgumentNullException.ThrowIfNull(closure);
        var today = TunisTime.DayOf(clock.GetUtcNow());
        var from = closure.From > today ? closure.From : today;
        var to = closure.To < from.AddDays(MaxClosureDays) ? closure.To : from.AddDays(MaxClosureDays);
        var reason = $"Center {CenterId} is closed from {Day(closure.From)} to {Day(closure.To)}: {closure.Reason}";
        return Displace(from, to, reason);
    }

    public Task StoppedTakingBookings(RolloutPhase phase, string? reason)
    {
        var today = TunisTime.DayOf(clock.GetUtcNow());
        var why = $"Center {CenterId} is {SchemaText.Of(phase)} and takes no bookings" + (reason is null ? "." : $": {reason}");
        return Displace(today, today.AddDays(SuspensionHorizonDays), why);
    }

    private async Task Displace(DateOnly from, DateOnly to, string reason)
    {
        var moved = 0;
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            foreach (var category in Enum.GetValues<ServiceCategory>())
            {
                var seats = await GrainFactory.Reference<ICenterDayScheduleGrain>(DayScheduleKeys.For(CenterId, category, day)).Seats();
                foreach (var seat in seats)
                {
                    var request = await GrainFactory.Reference<ICitizenRequestGrain>(seat.RequestId).DisplaceAppointment(seat.HoldId, reason);
                    moved += request?.AppointmentNotice?.Previous?.HoldId == seat.HoldId ? 1 : 0;
                }
            }
        }

        logger.LogInformation("Center {CenterId}: {Count} appointments between {From} and {To} moved or cancelled ({Reason}).", CenterId, moved, from, to, reason);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
