using Actors.Contracts.Centers;
using Actors.Contracts.Errors;
using Actors.Contracts.Identity;
using Actors.Contracts.Requests;
using Actors.Contracts.Scheduling;
using Actors.Tests.Infrastructure;
using Actors.Tests.Requests;

namespace Actors.Tests.Appointments;

/// <summary>Reschedule, cancel, no-show, abandoned holds and bad inputs: the seats and the requests always agree.</summary>
[Collection(ClusterCollection.Name)]
public sealed class BookingLifecycleTests(ClusterFixture fixture)
{
    private static async Task<string> Refusal(Func<Task> act) => (await Assert.ThrowsAsync<DomainException>(act)).Error.Code;

    private static RequestCommand Booking(SlotKey slot, string? key = null, RequestAction action = RequestAction.BookAppointment) =>
        new(action, Slot: slot, IdempotencyKey: key ?? Guid.NewGuid().ToString("N"));

    private async Task<RequestDriver> Driver()
    {
        var driver = new RequestDriver(fixture.Grains);
        await driver.OpenCenter();
        return driver;
    }

    private async Task<IReadOnlyList<DaySeat>> SeatsOf(AppointmentSlot slot) =>
        (await fixture.Grains.GetGrain<ICenterDayScheduleGrain>(DayScheduleKeys.For(slot.Key)).Seats()).Where(s => s.Slot == slot.Key).ToList();

    /// <summary>Books every desk of the slot for new requests.</summary>
    private static async Task Fill(RequestDriver driver, AppointmentSlot slot)
    {
        for (var i = 0; i < slot.Desks; i++)
        {
            var other = await driver.RequestIn(RequestKind.NationalIdCard, RequestStatus.Paid);
            await driver.Grain(other!.Id).Perform(driver.Citizen, Booking(slot.Key));
        }
    }

    [Fact]
    public async Task A_reschedule_to_a_full_slot_keeps_the_old_appointment_and_its_seat()
    {
        var driver = await Driver();
        var first = await driver.FreeSlot();
        var request = await driver.RequestIn(RequestKind.NationalIdCard, RequestStatus.Paid);
        var grain = driver.Grain(request!.Id);
        var booked = await grain.Perform(driver.Citizen, Booking(first.Key));
        var full = await driver.FreeSlot(except: first.StartsAt);
        await Fill(driver, full);

        Assert.Equal(ErrorCodes.SlotFull, await Refusal(() => grain.Perform(driver.Citizen, Booking(full.Key, action: RequestAction.RescheduleAppointment))));

        var after = await grain.Find(driver.Citizen);
        Assert.Equal((booked.Version, booked.Appointment), (after!.Version, after.Appointment));
        Assert.Equal(SeatStatus.Booked, Assert.Single(await SeatsOf(first)).Status);
        Assert.Equal(full.Desks, (await SeatsOf(full)).Count);
    }

    [Fact]
    public async Task A_reschedule_takes_the_new_seat_and_frees_the_old_one()
    {
        var driver = await Driver();
        var first = await driver.FreeSlot();
        var request = await driver.RequestIn(RequestKind.NationalIdCard, RequestStatus.Paid);
        var grain = driver.Grain(request!.Id);
        await grain.Perform(driver.Citizen, Booking(first.Key));
        var second = await driver.FreeSlot(except: first.StartsAt);

        var moved = await grain.Perform(driver.Citizen, Booking(second.Key, action: RequestAction.RescheduleAppointment));

        Assert.Equal((RequestStatus.AppointmentBooked, second.StartsAt, second.EndsAt), (moved.Status, moved.Appointment!.At, moved.Appointment.EndsAt));
        Assert.Empty(await SeatsOf(first));
        Assert.Equal(moved.Appointment.HoldId, Assert.Single(await SeatsOf(second)).HoldId);
    }

    [Fact]
    public async Task A_cancelled_appointment_frees_its_seat_for_the_next_citizen_at_once()
    {
        var driver = await Driver();
        var slot = await driver.FreeSlot();
        await Fill(driver, slot);
        var seats = await SeatsOf(slot);
        var waiting = await driver.RequestIn(RequestKind.NationalIdCard, RequestStatus.Paid);
        var waitingGrain = driver.Grain(waiting!.Id);
        Assert.Equal(ErrorCodes.SlotFull, await Refusal(() => waitingGrain.Perform(driver.Citizen, Booking(slot.Key))));

        var cancelled = await driver.Grain(seats[0].RequestId).Perform(driver.Citizen, new RequestCommand(RequestAction.CancelAppointment));
        Assert.Equal((RequestStatus.Paid, null), (cancelled.Status, cancelled.Appointment));

        var booked = await waitingGrain.Perform(driver.Citizen, Booking(slot.Key));
        Assert.Equal(RequestStatus.AppointmentBooked, booked.Status);
        Assert.Equal(slot.Desks, (await SeatsOf(slot)).Count);
    }

    [Fact]
    public async Task The_second_no_show_expires_the_request()
    {
        var driver = await Driver();
        var request = await driver.RequestIn(RequestKind.NationalIdCard, RequestStatus.Paid);
        var grain = driver.Grain(request!.Id);

        var slot = await driver.FreeSlot();
        var booked = await grain.Perform(driver.Citizen, Booking(slot.Key));
        Assert.Equal(ErrorCodes.NotAppointmentDay, await Refusal(() => grain.Perform(driver.Agent, new RequestCommand(RequestAction.RecordNoShow))));
        ShiftableClock.Shared.AdvanceTo(booked.Appointment!.At);
        var missed = await grain.Perform(driver.Agent, new RequestCommand(RequestAction.RecordNoShow));
        Assert.Equal((RequestStatus.Paid, 1, null), (missed.Status, missed.NoShows, missed.Appointment));
        Assert.Empty(await SeatsOf(slot));

        var again = await driver.FreeSlot();
        var rebooked = await grain.Perform(driver.Citizen, Booking(again.Key));
        ShiftableClock.Shared.AdvanceTo(rebooked.Appointment!.At);
        var expired = await grain.Perform(driver.Agent, new RequestCommand(RequestAction.RecordNoShow));

        Assert.Equal((RequestStatus.Expired, 2), (expired.Status, expired.NoShows));
        Assert.Contains("did not come to 2 appointments", expired.History[^1].Reason, StringComparison.Ordinal);
        Assert.Empty(await SeatsOf(again));
    }

    [Fact]
    public async Task A_hold_no_request_committed_returns_to_the_pool_by_itself()
    {
        var driver = await Driver();
        var slot = await driver.FreeSlot();
        var schedule = fixture.Grains.GetGrain<ICenterDayScheduleGrain>(DayScheduleKeys.For(slot.Key));

        // What a crash between the hold and the request's commit leaves: a hold whose request never took it.
        var held = await schedule.Hold(new SlotHold(slot.Key, Guid.NewGuid(), "orphan-" + Guid.NewGuid().ToString("N"), TimeSpan.FromSeconds(1)));
        Assert.Equal(HoldResult.Held, held.Result);
        Assert.Equal(slot.Remaining - 1, (await schedule.Slots(CenterService.NationalIdCard)).Single(s => s.StartsAt == slot.StartsAt).Remaining);

        while ((await SeatsOf(slot)).Count > 0)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Equal(slot.Remaining, (await schedule.Slots(CenterService.NationalIdCard)).Single(s => s.StartsAt == slot.StartsAt).Remaining);
    }

    [Fact]
    public async Task A_hold_whose_request_committed_is_confirmed_at_its_expiry_not_released()
    {
        var driver = await Driver();
        var slot = await driver.FreeSlot();
        var request = await driver.RequestIn(RequestKind.NationalIdCard, RequestStatus.Paid);
        var booked = await driver.Grain(request!.Id).Perform(driver.Citizen, Booking(slot.Key));
        var schedule = fixture.Grains.GetGrain<ICenterDayScheduleGrain>(DayScheduleKeys.For(slot.Key));

        // The request's own confirm is lost: put the seat back to a hold that expires now, as a crash would leave it.
        await schedule.Release(booked.Appointment!.HoldId!);
        await schedule.Hold(new SlotHold(slot.Key, request.Id, booked.Appointment.HoldId!, TimeSpan.FromSeconds(1)));
        while ((await SeatsOf(slot)).Single().Status == SeatStatus.Held)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Equal(booked.Appointment.HoldId, Assert.Single(await SeatsOf(slot)).HoldId);
    }

    [Fact]
    public async Task Booking_at_another_center_of_the_governorate_moves_the_request_there()
    {
        var driver = await Driver();
        var other = new RequestDriver(fixture.Grains);
        await other.OpenCenter();
        var slot = await other.FreeSlot();
        var request = await driver.RequestIn(RequestKind.NationalIdCard, RequestStatus.Paid);

        var booked = await driver.Grain(request!.Id).Perform(driver.Citizen, Booking(slot.Key));

        Assert.Equal((other.CenterId, other.CenterId), (booked.CenterId, booked.Appointment!.CenterId));
        Assert.Contains($"moves there from center {driver.CenterId}", booked.History[^1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_bookings_are_refused_with_their_code_and_change_nothing()
    {
        var driver = await Driver();
        var slot = await driver.FreeSlot();
        var request = await driver.RequestIn(RequestKind.NationalIdCard, RequestStatus.Paid);
        var grain = driver.Grain(request!.Id);
        var saturday = Enumerable.Range(1, 7).Select(d => slot.Key.Day.AddDays(d)).First(d => d.DayOfWeek == DayOfWeek.Saturday);
        var planned = new RequestDriver(fixture.Grains);
        await planned.OpenCenter(phase: RolloutPhase.Planned);

        var refusals = new (string Code, RequestCommand Command)[]
        {
            (ErrorCodes.SlotNotBookable, Booking(slot.Key with { StartsAt = slot.StartsAt.AddMinutes(7) })),
            (ErrorCodes.SlotNotBookable, Booking(new SlotKey(driver.CenterId, CenterService.NationalIdCard, TunisTime.ToInstant(saturday, new TimeOnly(9, 0))))),
            (ErrorCodes.SlotNotBookable, Booking(slot.Key with { Service = CenterService.CriminalRecordExtract })),
            (ErrorCodes.SlotNotBookable, Booking(slot.Key with { CenterId = "NO-SUCH-CENTER" })),
            (ErrorCodes.SlotNotBookable, Booking(slot.Key with { StartsAt = ShiftableClock.Shared.GetUtcNow().AddDays(-7) })),
            (ErrorCodes.CenterNotTakingRequests, Booking(slot.Key with { CenterId = planned.CenterId })),
            (ErrorCodes.InvalidTransition, Booking(slot.Key, action: RequestAction.RescheduleAppointment)),
            (ErrorCodes.InvalidTransition, new RequestCommand(RequestAction.CancelAppointment)),
            (ErrorCodes.InvalidTransition, new RequestCommand(RequestAction.RecordNoShow)),
        };
        foreach (var (code, command) in refusals)
        {
            var actor = command.Action == RequestAction.RecordNoShow ? driver.Agent : driver.Citizen;
            Assert.True(code == await Refusal(() => grain.Perform(actor, command)), $"{command}: expected {code}");
        }

        var booked = await grain.Perform(driver.Citizen, Booking(slot.Key, "key-1"));
        var other = await driver.FreeSlot(except: slot.StartsAt);
        Assert.Equal(ErrorCodes.IdempotencyKeyReused, await Refusal(() => grain.Perform(driver.Citizen, Booking(other.Key, "key-1", RequestAction.RescheduleAppointment))));
        Assert.Equal(ErrorCodes.NotFound, await Refusal(() => grain.Perform(
            new Actor("agent-9", ActorRole.Agent, "T-ELSEWHERE"), Booking(other.Key, action: RequestAction.RescheduleAppointment))));

        var after = await grain.Find(driver.Citizen);
        Assert.Equal((booked.Version, booked.Appointment), (after!.Version, after.Appointment));
        Assert.Single(await SeatsOf(slot));
        Assert.Empty(await SeatsOf(other));
        Assert.Equal(booked.Version, (await grain.Perform(driver.Citizen, Booking(slot.Key, "key-1"))).Version);
    }
}
