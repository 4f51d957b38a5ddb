using Actors.Contracts.Centers;
using Actors.Contracts.Naming;
using Actors.Contracts.Requests;
using Actors.Contracts.Scheduling;
using Actors.Grains.Persistence;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Actors.Grains.Scheduling;

/// <summary>
/// The seats of one center, desk category and day. Every hold of the day runs through this one activation,
/// so a desk is never given twice. Capacity holds at every instant: appointments of different lengths (one
/// category's services) count together wherever they overlap. A hold that nobody confirms goes back to the
/// pool at its expiry, after the request is asked whether it committed (then it is confirmed instead) or is
/// still in the turn that took it (then it is kept a while). A timer makes that prompt; a durable reminder,
/// registered while any hold is open, makes it happen on another silo when this one has stopped.
/// </summary>
public sealed class CenterDayScheduleGrain(
    [PersistentState(StorageNames.CenterDayScheduleState, StorageNames.Domain)] IPersistentState<CenterDayScheduleState> state,
    IOptionsMonitor<AppointmentOptions> options,
    TimeProvider clock,
    ILogger<CenterDayScheduleGrain> logger)
    : Grain, ICenterDayScheduleGrain, IRemindable
{
    private const string ReminderName = "holds";

    private IGrainTimer? timer;
    private DateTimeOffset? timerDue;
    private bool reminderRegistered;

    private CenterDayScheduleState S => state.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Holds stored by a silo that stopped: look at them now rather than at the reminder's next tick.
        if (S.Seats.Any(s => s.Status == SeatStatus.Held))
        {
            await EnsureReminder();
            PlanSweep();
        }

        await base.OnActivateAsync(cancellationToken);
    }

    public async Task<HoldOutcome> Hold(SlotHold hold)
    {
        ArgumentNullException.ThrowIfNull(hold);
        if (S.Seats.FirstOrDefault(s => s.HoldId == hold.HoldId) is { } again)
        {
            return new HoldOutcome(HoldResult.Held, await SlotOf(again));
        }

        var key = this.GetPrimaryKeyString();
        if (!DayScheduleKeys.TryParse(key, out var centerId, out var category, out var day)
            || hold.Slot.CenterId != centerId || CenterServices.CategoryOf(hold.Slot.Service) != category || hold.Slot.Day != day)
        {
            return NotBookable($"The slot {hold.Slot} is not one of {key}.");
        }

        var now = clock.GetUtcNow();
        if (hold.Slot.StartsAt <= now)
        {
            return NotBookable("The slot has started or is over.");
        }

        var center = await GrainFactory.Reference<IServiceCenterGrain>(centerId).Find();
        if (center is null || !center.TakesRequests || !center.Offers(hold.Slot.Service))
        {
            return NotBookable($"Center {centerId} takes no bookings for {SchemaText.Of(hold.Slot.Service)}.");
        }

        var slot = await PlannedSlot(hold.Slot);
        if (slot is null)
        {
            return NotBookable("The center is closed then, or the time is not on the service's grid.");
        }

        var taken = Occupancy(slot.StartsAt, slot.EndsAt);
        if (taken >= slot.Desks)
        {
            return new HoldOutcome(HoldResult.Full, slot with { Booked = taken });
        }

        S.Seats.Add(new DaySeat(hold.HoldId, hold.RequestId, slot.Key, slot.EndsAt, slot.Service, SeatStatus.Held, now + hold.Lifetime));
        await Save(now);

        // Durable before the caller commits: from here a crash of this silo cannot leave the seat taken for good.
        await EnsureReminder();
        PlanSweep();
        return new HoldOutcome(HoldResult.Held, slot with { Booked = taken + 1 });
    }

    public async Task<bool> Confirm(string holdId)
    {
        var index = S.Seats.FindIndex(s => s.HoldId == holdId);
        if (index < 0)
        {
            return false;
        }

        if (S.Seats[index].Status == SeatStatus.Held)
        {
            S.Seats[index] = S.Seats[index] with { Status = SeatStatus.Booked, ExpiresAt = null };
            await Save(clock.GetUtcNow());
        }

        return true;
    }

    public async Task Release(string holdId)
    {
        if (S.Seats.RemoveAll(s => s.HoldId == holdId) > 0)
        {
            await Save(clock.GetUtcNow());
        }
    }

    public Task<IReadOnlyList<DaySeat>> Seats() => Task.FromResult<IReadOnlyList<DaySeat>>(S.Seats.ToList());

    public async Task<IReadOnlyList<AppointmentSlot>> Slots(CenterService service)
    {
        if (!DayScheduleKeys.TryParse(this.GetPrimaryKeyString(), out var centerId, out var category, out var day)
            || CenterServices.CategoryOf(service) != category
            || await CenterCalendarReader.Read(GrainFactory, centerId) is not { } read)
        {
            return [];
        }

        return SlotPlanner.Plan(centerId, read.Calendar, read.Holidays, service, day, day)
            .Select(s => s with { Booked = Occupancy(s.StartsAt, s.EndsAt) })
            .ToList();
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => Sweep();

    private async Task<AppointmentSlot?> PlannedSlot(SlotKey key) =>
        await CenterCalendarReader.Read(GrainFactory, key.CenterId) is { } read ? SlotPlanner.Find(read.Calendar, read.Holidays, key) : null;

    /// <summary>The slot a seat already has, counted as it is now (the planned slot if the calendar still has it).</summary>
    private async Task<AppointmentSlot> SlotOf(DaySeat seat)
    {
        var planned = await PlannedSlot(seat.Slot);
        var desks = planned?.Desks ?? 0;
        return new AppointmentSlot(seat.Slot.CenterId, seat.Service, seat.StartsAt, seat.EndsAt, desks, Occupancy(seat.StartsAt, seat.EndsAt));
    }

    /// <summary>The most desks taken at any one instant of [from, to): the counts change only where a seat starts.</summary>
    private int Occupancy(DateTimeOffset from, DateTimeOffset to) =>
        S.Seats.Select(s => s.StartsAt).Where(t => t > from && t < to).Append(from)
            .Max(instant => S.Seats.Count(s => s.Covers(instant)));

    private static HoldOutcome NotBookable(string why) => new(HoldResult.NotBookable, null, why);

    /// <summary>Expired holds: confirmed if their request committed, kept if it is still taking them, released otherwise.</summary>
    private async Task Sweep()
    {
        var now = clock.GetUtcNow();
        var changed = false;
        foreach (var seat in S.Seats.Where(s => s.Status == SeatStatus.Held && s.ExpiresAt <= now).ToList())
        {
            HoldStanding standing;
            try
            {
                standing = await GrainFactory.Reference<ICitizenRequestGrain>(seat.RequestId).AppointmentHold(seat.HoldId);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Not knowing is not "none": a seat released under a committed booking would overbook. Ask again later.
                logger.LogWarning(ex, "Request {RequestId} did not say whether it holds {HoldId}; asked again later.", seat.RequestId, seat.HoldId);
                continue;
            }

            var index = S.Seats.FindIndex(s => s.HoldId == seat.HoldId);
            if (index < 0)
            {
                continue;
            }

            changed = true;
            switch (standing)
            {
                case HoldStanding.Confirmed:
                    S.Seats[index] = seat with { Status = SeatStatus.Booked, ExpiresAt = null };
                    break;
                case HoldStanding.Pending:
                    S.Seats[index] = seat with { ExpiresAt = now + options.CurrentValue.HoldLifetime };
                    break;
                default:
                    S.Seats.RemoveAt(index);
                    logger.LogInformation("Hold {HoldId} of request {RequestId} expired unconfirmed; its seat is free again.", seat.HoldId, seat.RequestId);
                    break;
            }
        }

        if (changed)
        {
            await Save(now);
        }

        if (S.Seats.Any(s => s.Status == SeatStatus.Held))
        {
            PlanSweep();
        }
        else
        {
            await DropReminder();
        }
    }

    private async Task Save(DateTimeOffset now)
    {
        S.Version++;
        S.UpdatedAt = now;
        await state.WriteOrRestoreAsync(this);
    }

    private async Task EnsureReminder()
    {
        if (reminderRegistered)
        {
            return;
        }

        var period = options.CurrentValue.ReminderPeriod;
        await this.RegisterOrUpdateReminder(ReminderName, period, period);
        reminderRegistered = true;
    }

    private async Task DropReminder()
    {
        timer?.Dispose();
        timer = null;
        timerDue = null;
        try
        {
            if (await this.GetReminder(ReminderName) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            reminderRegistered = false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A reminder left behind only costs a tick that finds nothing to do and tries again.
            logger.LogDebug(ex, "Day schedule {Key} kept its reminder.", this.GetPrimaryKeyString());
        }
    }

    /// <summary>A timer at the earliest expiry, so that a free seat is back in the pool on time while this silo runs.</summary>
    private void PlanSweep()
    {
        if (S.Seats.Where(s => s.Status == SeatStatus.Held).Min(s => s.ExpiresAt) is not { } due
            || (timer is not null && timerDue is { } planned && planned <= due))
        {
            return;
        }

        // A hold already past its expiry is one whose request did not answer: ask again shortly, not in a tight loop.
        var delay = due - clock.GetUtcNow();
        if (delay <= TimeSpan.Zero)
        {
            delay = TimeSpan.FromSeconds(5);
        }

        timer?.Dispose();
        timerDue = due;
        timer = this.RegisterGrainTimer(
            async _ =>
            {
                timer?.Dispose();
                timer = null;
                timerDue = null;
                await Sweep();
            },
            new GrainTimerCreationOptions { DueTime = delay, Period = Timeout.InfiniteTimeSpan, Interleave = false });
    }
}
