using Actors.Contracts.Centers;
using Actors.Contracts.Identity;
using Actors.Contracts.Requests;
using Actors.Contracts.Scheduling;
using Actors.Tests.Api;
using Actors.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Tests.Appointments;

/// <summary>
/// A center that closes on a booked day moves the booking to its earliest free slot and says why; a center that stops
/// taking bookings cancels them back to PAID. Either way the seat it held is free again and the request shows the notice.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class CenterClosureTests(ApiFactory api)
{
    private static readonly Actor Operator = new("op-closure", ActorRole.Operator);

    [Fact]
    public async Task A_closure_moves_the_booking_it_hits_and_a_suspension_cancels_it()
    {
        var grains = api.Services.GetRequiredService<IGrainFactory>();
        var code = "CLO-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var center = grains.GetGrain<IServiceCenterGrain>(code);
        await center.Register(Operator, new ServiceCenterProfile(code, "مركز", "Centre fermé", "KEBILI", "District", CenterKind.OneStopShop, [CenterService.NationalIdCard], 10, IsDemo: false));
        await center.ChangePhase(Operator, RolloutPhase.Pilot, reason: null);

        var owner = "cit-" + Guid.NewGuid().ToString("N")[..8];
        var citizen = new Actor(owner, ActorRole.Citizen);
        var agent = new Actor("agent-closure", ActorRole.Agent, CenterId: code);
        var submitted = await api.GraphQL(RequestPathwayApiTests.SubmitCard, RequestPathwayApiTests.CardInput(code, "closure-1"), await api.Token("CITIZEN", owner, nationalIdNumber: "01234567"));
        var id = RequestGuid(submitted["data"]!["submitIdCardRequest"]!["request"]!["id"]!.GetValue<string>());
        var request = grains.GetGrain<ICitizenRequestGrain>(id);
        await request.Perform(agent, new RequestCommand(RequestAction.StartVerification));
        await request.Perform(agent, new RequestCommand(RequestAction.ConfirmVerification));
        await request.Perform(agent, new RequestCommand(RequestAction.RecordPayment, PaymentReference: "DESK-1", AmountMillimes: RequestFees.For(RequestKind.NationalIdCard)));

        var first = await FirstFreeSlot(grains, code, TunisTime.DayOf(DateTimeOffset.UtcNow).AddDays(1));
        var booked = await request.Perform(citizen, new RequestCommand(RequestAction.BookAppointment, Slot: first.Key, IdempotencyKey: "book-1"));
        Assert.Equal(first.StartsAt, booked.Appointment!.At);
        var day = first.Key.Day;

        await center.AddClosure(Operator, day, day, "Water damage");
        var moved = await Eventually(request, citizen, r => r.AppointmentNotice is not null);
        Assert.Equal(RequestStatus.AppointmentBooked, moved.Status);
        Assert.Equal(AppointmentNoticeKind.MovedByCenter, moved.AppointmentNotice!.Kind);
        Assert.Contains("Water damage", moved.AppointmentNotice.Reason, StringComparison.Ordinal);
        Assert.Equal(first.StartsAt, moved.AppointmentNotice.Previous!.At);
        Assert.True(TunisTime.DayOf(moved.Appointment!.At) > day, "The booking moves past the closed day.");
        Assert.Equal(code, moved.Appointment.CenterId);
        var last = moved.History[^1];
        Assert.Equal((RequestAction?)RequestAction.RescheduleAppointment, last.Action);
        Assert.Equal("SYSTEM:system:center-calendar", last.Actor);
        Assert.DoesNotContain(await Seats(grains, code, day), s => s.RequestId == id);
        Assert.Contains(await Seats(grains, code, TunisTime.DayOf(moved.Appointment.At)),
            s => s.RequestId == id && s.HoldId == moved.Appointment.HoldId && s.Status == SeatStatus.Booked);

        await center.ChangePhase(Operator, RolloutPhase.Suspended, "Network outage");
        var cancelled = await Eventually(request, citizen, r => r.Status == RequestStatus.Paid);
        Assert.Null(cancelled.Appointment);
        Assert.Equal(AppointmentNoticeKind.CancelledByCenter, cancelled.AppointmentNotice!.Kind);
        Assert.Contains("SUSPENDED", cancelled.AppointmentNotice.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(await Seats(grains, code, TunisTime.DayOf(moved.Appointment.At)), s => s.RequestId == id);
        Assert.Equal((RequestAction?)RequestAction.CancelAppointment, cancelled.History[^1].Action);
    }

    private static async Task<AppointmentSlot> FirstFreeSlot(IGrainFactory grains, string center, DateOnly from)
    {
        for (var day = from; day < from.AddDays(14); day = day.AddDays(1))
        {
            var slots = await grains.GetGrain<ICenterDayScheduleGrain>(DayScheduleKeys.For(center, ServiceCategory.Administrative, day)).Slots(CenterService.NationalIdCard);
            if (slots.FirstOrDefault(s => s.Remaining > 0) is { } free)
            {
                return free;
            }
        }

        throw new Xunit.Sdk.XunitException($"Center {center} has no free slot in the two weeks from {from}.");
    }

    /// <summary>The request's key inside its opaque global id ("CitizenRequest:{guid:N}").</summary>
    private static Guid RequestGuid(string globalId) =>
        Guid.ParseExact(System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(globalId)).Split(':')[1], "N");

    private static Task<IReadOnlyList<DaySeat>> Seats(IGrainFactory grains, string center, DateOnly day) =>
        grains.GetGrain<ICenterDayScheduleGrain>(DayScheduleKeys.For(center, ServiceCategory.Administrative, day)).Seats();

    private static async Task<CitizenRequestView> Eventually(ICitizenRequestGrain request, Actor reader, Func<CitizenRequestView, bool> done)
    {
        CitizenRequestView? view = null;
        await Postgres.Eventually.Async(async () => done(view = (await request.Find(reader))!), TimeSpan.FromSeconds(10), "the center's change reaches the request");
        return view!;
    }
}
