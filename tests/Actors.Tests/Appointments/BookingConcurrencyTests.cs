using Actors.Contracts.Centers;
using Actors.Contracts.Errors;
using Actors.Contracts.Requests;
using Actors.Contracts.Scheduling;
using Actors.Tests.Infrastructure;
using Actors.Tests.Requests;

namespace Actors.Tests.Appointments;

/// <summary>Many citizens at once for the last places of one slot: never more people than desks, retries never take a second seat.</summary>
[Collection(ClusterCollection.Name)]
public sealed class BookingConcurrencyTests(ClusterFixture fixture)
{
    private const int Contenders = 200;
    private const int LastPlaces = 10;

    [Fact]
    public async Task Two_hundred_bookings_for_the_last_ten_places_give_exactly_ten_seats()
    {
        var (driver, slot, requests) = await SlotWithLastPlaces();

        var outcomes = await Task.WhenAll(requests.Select(r => Book(driver, r, slot, "book-" + r.Id.ToString("N"))));

        Assert.Equal(LastPlaces, outcomes.Count(o => o is null));
        Assert.All(outcomes.Where(o => o is not null), code => Assert.Equal(ErrorCodes.SlotFull, code));
        await AssertSlotFullyBooked(driver, slot, requests);
    }

    [Fact]
    public async Task Retries_with_the_same_keys_never_take_a_second_seat()
    {
        var (driver, slot, requests) = await SlotWithLastPlaces();

        // Every citizen clicks three times with the same key, all at once.
        var attempts = requests.SelectMany(r => Enumerable.Range(0, 3).Select(_ => (Request: r, Key: "book-" + r.Id.ToString("N")))).ToList();
        var outcomes = await Task.WhenAll(attempts.Select(a => Book(driver, a.Request, slot, a.Key)));

        var booked = attempts.Zip(outcomes).Where(x => x.Second is null).Select(x => x.First.Request.Id).Distinct().ToList();
        Assert.Equal(LastPlaces, booked.Count);
        Assert.All(outcomes.Where(o => o is not null), code => Assert.Equal(ErrorCodes.SlotFull, code));
        await AssertSlotFullyBooked(driver, slot, requests);
    }

    /// <summary>A slot of 12 desks with 2 already booked, and 200 paid requests that want it.</summary>
    private async Task<(RequestDriver Driver, AppointmentSlot Slot, IReadOnlyList<CitizenRequestView> Requests)> SlotWithLastPlaces()
    {
        var driver = new RequestDriver(fixture.Grains);
        await driver.OpenCenter(workstations: 24);
        var slot = await driver.FreeSlot();
        Assert.Equal(12, slot.Desks);
        foreach (var early in await PaidRequests(driver, slot.Desks - LastPlaces))
        {
            Assert.Null(await Book(driver, early, slot, "early"));
        }

        return (driver, slot, await PaidRequests(driver, Contenders));
    }

    private static async Task<IReadOnlyList<CitizenRequestView>> PaidRequests(RequestDriver driver, int count)
    {
        var paid = new List<CitizenRequestView>();
        foreach (var batch in Enumerable.Range(0, count).Chunk(25))
        {
            var made = await Task.WhenAll(batch.Select(_ => driver.RequestIn(RequestKind.NationalIdCard, RequestStatus.Paid)));
            paid.AddRange(made.Select(r => r!));
        }

        return paid;
    }

    /// <summary>The refusal's code, or null when booked.</summary>
    private static async Task<string?> Book(RequestDriver driver, CitizenRequestView request, AppointmentSlot slot, string key)
    {
        try
        {
            var booked = await driver.Grain(request.Id).Perform(driver.Citizen, new RequestCommand(RequestAction.BookAppointment, Slot: slot.Key, IdempotencyKey: key));
            Assert.Equal((RequestStatus.AppointmentBooked, slot.StartsAt), (booked.Status, booked.Appointment!.At));
            return null;
        }
        catch (DomainException refused)
        {
            return refused.Error.Code;
        }
    }

    private async Task AssertSlotFullyBooked(RequestDriver driver, AppointmentSlot slot, IReadOnlyList<CitizenRequestView> requests)
    {
        var schedule = fixture.Grains.GetGrain<ICenterDayScheduleGrain>(DayScheduleKeys.For(slot.Key));
        var seats = await schedule.Seats();
        Assert.Equal(slot.Desks, seats.Count);
        Assert.All(seats, s => Assert.Equal(SeatStatus.Booked, s.Status));
        Assert.Equal(seats.Count, seats.Select(s => s.RequestId).Distinct().Count());

        var views = await Task.WhenAll(requests.Select(r => driver.Grain(r.Id).Find(driver.Citizen)));
        var booked = views.Where(v => v!.Status == RequestStatus.AppointmentBooked).ToList();
        Assert.Equal(LastPlaces, booked.Count);
        Assert.All(booked, v => Assert.Contains(seats, s => s.RequestId == v!.Id && s.HoldId == v.Appointment!.HoldId));
        Assert.All(views.Where(v => v!.Status != RequestStatus.AppointmentBooked), v => Assert.Equal((RequestStatus.Paid, 4L), (v!.Status, v.Version)));
        Assert.Equal(0, (await schedule.Slots(CenterService.NationalIdCard)).Single(s => s.StartsAt == slot.StartsAt).Remaining);
    }
}
