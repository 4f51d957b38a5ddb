using Actors.Contracts.Centers;
using Actors.Contracts.Identity;
using Actors.Contracts.Requests;
using Actors.Contracts.Scheduling;
using Actors.Tests.Infrastructure;

namespace Actors.Tests.Requests;

/// <summary>
/// Drives requests through the real grains: a fresh live center per driver, a citizen, an agent of
/// that center and a supervisor of its governorate, and the shortest legal path to any status
/// (legal per <see cref="ExpectedRequestSteps"/>, the tests' own table). Bookings take real free slots of the
/// center; the steps that need the appointment to have begun move the cluster's clock to it.
/// </summary>
public sealed class RequestDriver(IGrainFactory grains)
{
    public string CenterId { get; } = "T-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    /// <summary>The citizen who submits, signed in with the card number of <see cref="Adult"/>: they apply for themselves.</summary>
    public Actor Citizen { get; } = new("citizen-" + Guid.NewGuid().ToString("N")[..8], ActorRole.Citizen, NationalIdNumber: "01234567");

    public Actor Agent => new("agent-1", ActorRole.Agent, CenterId);

    public Actor Supervisor { get; } = new("supervisor-1", ActorRole.Supervisor, Governorate: "SFAX");

    /// <summary>A model office with 4 workstations has 2 administrative desks (CenterCalendars.DefaultFor).</summary>
    public async Task<ServiceCenterView> OpenCenter(CenterKind kind = CenterKind.ModelOffice, RolloutPhase phase = RolloutPhase.Live, int workstations = 4)
    {
        var services = kind switch
        {
            CenterKind.OneStopShop => new[] { CenterService.NationalIdCard },
            CenterKind.JudicialOffice => [CenterService.CriminalRecordExtract],
            _ => [CenterService.NationalIdCard, CenterService.CriminalRecordExtract],
        };
        var center = grains.GetGrain<IServiceCenterGrain>(CenterId);
        var system = Actor.System("tests");
        await center.Register(system, new ServiceCenterProfile(CenterId, "مركز اختبار", "Centre de test", "SFAX", "District de test",
            kind, services, 100, IsDemo: true));
        await center.UpdateReadiness(system, new CenterReadiness(true, 4, 4, workstations, 4, 10));
        return phase == RolloutPhase.Planned ? (await center.Find())! : await center.ChangePhase(system, phase, "test");
    }

    public static Applicant Adult(string? card = "01234567") =>
        new("محمد", "الطرابلسي", new DateOnly(1990, 5, 17), "Sfax", card, "Mohamed", "Trabelsi");

    public async Task<CitizenRequestView> Submit(RequestKind kind, string? idempotencyKey = null)
    {
        var grain = grains.GetGrain<ICitizenRequestGrain>(RequestKeys.For(Citizen.Subject, idempotencyKey ?? Guid.NewGuid().ToString("N")));
        return kind == RequestKind.NationalIdCard
            ? await grain.SubmitIdCard(Citizen, new IdCardApplication(IdCardReason.Renewal, Adult(), CenterId, null, null, null, idempotencyKey))
            : await grain.SubmitCriminalRecord(Citizen, new CriminalRecordApplication(Adult(), CenterId, "Employment", null, idempotencyKey));
    }

    public ICitizenRequestGrain Grain(Guid id) => grains.GetGrain<ICitizenRequestGrain>(id);

    public Actor System { get; } = Actor.System("tests");

    /// <summary>Everyone in the request's scope who could try a step: owner, agent of its center, supervisor of its governorate, system.</summary>
    public Actor As(StepTaker taker) => taker switch
    {
        StepTaker.Agent => Agent,
        StepTaker.Supervisor => Supervisor,
        StepTaker.Owner => Citizen,
        _ => System,
    };

    public async Task<RequestCommand> CommandFor(RequestAction action, CitizenRequestView request)
    {
        ArgumentNullException.ThrowIfNull(request);
        switch (action)
        {
            case RequestAction.RecordPayment:
                return new RequestCommand(action, PaymentReference: "PAY-" + Guid.NewGuid().ToString("N")[..8], AmountMillimes: RequestFees.For(request.Kind));
            case RequestAction.BookAppointment or RequestAction.RescheduleAppointment:
                var slot = await FreeSlot(except: request.Appointment?.At);
                return new RequestCommand(action, Slot: slot.Key, IdempotencyKey: Guid.NewGuid().ToString("N"));
            case RequestAction.RecordNoShow or RequestAction.RecordBiometrics:
                if (request.Appointment is { } appointment)
                {
                    ShiftableClock.Shared.AdvanceTo(appointment.At);
                }

                return new RequestCommand(action, Reason: "test reason");
            case RequestAction.ConfirmDelivery:
                return new RequestCommand(action, Reason: "test reason", IdentityCheck: IdentityCheck.HolderBiometrics);
            default:
                return new RequestCommand(action, Reason: "test reason");
        }
    }

    /// <summary>The first slot of the driver's center with a free desk, from tomorrow on (by the cluster's clock).</summary>
    public async Task<AppointmentSlot> FreeSlot(DateTimeOffset? except = null, CenterService service = CenterService.NationalIdCard)
    {
        var today = TunisTime.DayOf(ShiftableClock.Shared.GetUtcNow());
        for (var day = today.AddDays(1); day <= today.AddDays(60); day = day.AddDays(1))
        {
            var schedule = grains.GetGrain<ICenterDayScheduleGrain>(DayScheduleKeys.For(CenterId, CenterServices.CategoryOf(service), day));
            if ((await schedule.Slots(service)).FirstOrDefault(s => s.Remaining > 0 && s.StartsAt != except) is { } free)
            {
                return free;
            }
        }

        throw new InvalidOperationException($"No free slot at {CenterId} in the next 60 days.");
    }

    /// <summary>A step taken by the first of those the expected table lets take it.</summary>
    public Task<CitizenRequestView> Step(CitizenRequestView request, RequestAction action) =>
        Step(request, action, ExpectedRequestSteps.For(action).TakenBy[0]);

    public async Task<CitizenRequestView> Step(CitizenRequestView request, RequestAction action, StepTaker taker) =>
        await Grain(request.Id).Perform(As(taker), await CommandFor(action, request));

    /// <summary>A new request of this kind brought to this status along a shortest legal path; null if unreachable.</summary>
    public async Task<CitizenRequestView?> RequestIn(RequestKind kind, RequestStatus status)
    {
        var path = ExpectedRequestSteps.PathTo(kind, status);
        if (path is null)
        {
            return null;
        }

        var request = await Submit(kind);
        foreach (var action in path)
        {
            request = await Step(request, action);
        }

        return request;
    }
}
