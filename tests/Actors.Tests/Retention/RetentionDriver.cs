using Actors.Contracts.Centers;
using Actors.Contracts.Requests;
using Actors.Contracts.Scheduling;
using Actors.Tests.Requests;

namespace Actors.Tests.Retention;

/// <summary>
/// Brings requests to a final status along the tests' own shortest legal path (<see cref="ExpectedRequestSteps"/>),
/// on the retention cluster's clock: bookings take a free slot from that clock's tomorrow, biometrics wait for the
/// appointment by moving that clock.
/// </summary>
public sealed class RetentionDriver(IRetentionCluster cluster)
{
    public RequestDriver Requests { get; } = new(cluster.Grains);

    public async Task<CitizenRequestView> RequestIn(RequestKind kind, RequestStatus status)
    {
        var path = ExpectedRequestSteps.PathTo(kind, status) ?? throw new InvalidOperationException($"{status} is not reachable for {kind}.");
        var request = await Requests.Submit(kind);
        foreach (var action in path)
        {
            var command = action switch
            {
                RequestAction.BookAppointment => new RequestCommand(action, Slot: (await FreeSlot()).Key, IdempotencyKey: Guid.NewGuid().ToString("N")),
                RequestAction.RecordBiometrics => new RequestCommand(action, Reason: "test reason"),
                _ => await Requests.CommandFor(action, request),
            };
            if (action == RequestAction.RecordBiometrics)
            {
                cluster.MoveTo(request.Appointment!.At + TimeSpan.FromMinutes(1));
            }

            request = await Requests.Grain(request.Id).Perform(Requests.As(ExpectedRequestSteps.For(action).TakenBy[0]), command);
        }

        return request;
    }

    private async Task<AppointmentSlot> FreeSlot()
    {
        var today = TunisTime.DayOf(cluster.Clock.GetUtcNow());
        for (var day = today.AddDays(1); day <= today.AddDays(60); day = day.AddDays(1))
        {
            var schedule = cluster.Grains.GetGrain<ICenterDayScheduleGrain>(
                DayScheduleKeys.For(Requests.CenterId, CenterServices.CategoryOf(CenterService.NationalIdCard), day));
            if ((await schedule.Slots(CenterService.NationalIdCard)).FirstOrDefault(s => s.Remaining > 0) is { } free)
            {
                return free;
            }
        }

        throw new InvalidOperationException($"No free slot at {Requests.CenterId} in the next 60 days.");
    }
}
