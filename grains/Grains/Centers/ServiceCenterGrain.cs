using Actors.Contracts.Centers;
using Actors.Contracts.Centers.Events;
using Actors.Contracts.Errors;
using Actors.Contracts.Geography;
using Actors.Contracts.Identity;
using Actors.Contracts.Naming;
using Actors.Contracts.Outbox;
using Actors.Contracts.Scheduling;
using Actors.Grains.Scheduling;
using Actors.Grains.Steps;

namespace Actors.Grains.Centers;

/// <summary>
/// One service center. Operators register it and steer its rollout (<see cref="CenterPhaseTransitions"/>);
/// supervisors of its governorate report readiness. Each step runs through <see cref="GrainSteps{TState}"/>:
/// checked, recorded in the history with the event that says what happened, written once, published.
/// The center directory is fed from those events by the outbox's consumers.
/// </summary>
public sealed class ServiceCenterGrain : Grain, IServiceCenterGrain
{
    private const int MaxNameLength = 200;
    private const int MaxCodeLength = 32;
    private const int MaxPeople = 10_000;

    private readonly IPersistentState<ServiceCenterState> state;
    private readonly GrainSteps<ServiceCenterState> steps;

    public ServiceCenterGrain(
        [PersistentState(StorageNames.ServiceCenterState, StorageNames.Domain)] IPersistentState<ServiceCenterState> state,
        IOutboxPublisher outbox,
        TimeProvider clock)
    {
        this.state = state;
        steps = new GrainSteps<ServiceCenterState>(state, this, outbox, clock, AggregateTypes.ServiceCenter);
    }

    private ServiceCenterState S => state.State;

    public Task<ServiceCenterView> Register(Actor actor, ServiceCenterProfile profile) => steps.Run(CenterOperations.Register, async () =>
    {
        var op = CenterOperations.Register;
        Require(op, actor, ActorRole.Operator);
        if (state.RecordExists)
        {
            return SameProfile(S.Profile!, profile)
                ? ToView()
                : throw op.Refuse(ErrorCodes.CenterAlreadyRegistered, $"Center {profile.Code} is already registered.", ("centerId", profile.Code));
        }

        Validate(op, profile);
        var (version, now) = steps.Next();
        // A concrete List: collection expressions produce compiler types that stored state cannot read back.
        S.Profile = profile with { Services = profile.Services.Distinct().Order().ToList() };
        S.Phase = RolloutPhase.Planned;
        S.Readiness = CenterReadiness.None(agentsRequired: 4, workstationsRequired: 4);
        S.RegisteredAt = now;
        return await Record(actor, version, now, "REGISTERED", null, view => new CenterRegistered(actor.Describe(), version, now, view));
    });

    public Task<ServiceCenterView> UpdateReadiness(Actor actor, CenterReadiness readiness) => steps.Run(CenterOperations.UpdateReadiness, async () =>
    {
        var op = CenterOperations.UpdateReadiness;
        RequireExisting(op);
        if (!(actor.Role is ActorRole.Operator or ActorRole.System
              || (actor.Role == ActorRole.Supervisor && actor.Governorate == S.Profile!.Governorate)))
        {
            throw op.Refuse(ErrorCodes.NotAllowed,
                $"Only an {SchemaText.Of(ActorRole.Operator)} or a {SchemaText.Of(ActorRole.Supervisor)} of the center's governorate reports readiness.",
                ("role", SchemaText.Of(actor.Role)));
        }

        if (readiness.AgentsTrained < 0 || readiness.AgentsRequired < 0 || readiness.WorkstationsInstalled < 0
            || readiness.WorkstationsRequired < 0 || readiness.HostingCapacity < 0
            || readiness.AgentsRequired > MaxPeople || readiness.WorkstationsRequired > MaxPeople || readiness.HostingCapacity > DomainLimits.MaxDailyCapacity)
        {
            throw op.Refuse(ErrorCodes.ValidationFailed,
                $"Readiness counts are at least 0; agents and workstations required at most {SchemaText.Number(MaxPeople)}, hosting capacity at most {SchemaText.Number(DomainLimits.MaxDailyCapacity)}.");
        }

        var (version, now) = steps.Next();
        S.Readiness = readiness;
        return await Record(actor, version, now, "READINESS_UPDATED", null, view => new CenterReadinessUpdated(actor.Describe(), version, now, view));
    });

    public Task<ServiceCenterView> ChangePhase(Actor actor, RolloutPhase phase, string? reason) => steps.Run(CenterOperations.ChangePhase, async () =>
    {
        var op = CenterOperations.ChangePhase;
        Require(op, actor, ActorRole.Operator);
        RequireExisting(op);
        var why = Reason(op, reason);
        if (phase == S.Phase)
        {
            return ToView();
        }

        var from = S.Phase;
        var transition = CenterPhaseTransitions.To(phase);
        if (transition is null || !transition.From.Contains(from))
        {
            throw op.Refuse(ErrorCodes.InvalidTransition,
                $"A center never moves from {SchemaText.Of(from)} to {SchemaText.Of(phase)}{(phase == RolloutPhase.Planned ? "; suspend it instead" : "")}.",
                ("from", SchemaText.Of(from)), ("to", SchemaText.Of(phase)));
        }

        if (transition.NeedsReadiness && !S.Readiness!.IsReadyForLive)
        {
            throw op.Refuse(ErrorCodes.CenterNotReady,
                $"A center goes {SchemaText.Of(phase)} once networked, with every required agent trained and workstation installed, and hosting capacity.",
                ("centerId", S.Profile!.Code), ("readiness", S.Readiness.Score.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (transition.ReasonRequired && why is null)
        {
            throw op.Refuse(ErrorCodes.ReasonRequired, $"Moving a center to {SchemaText.Of(phase)} needs a reason.", ("to", SchemaText.Of(phase)));
        }

        var (version, now) = steps.Next();
        S.Phase = phase;
        return await Record(actor, version, now, $"PHASE_{SchemaText.Of(from)}_TO_{SchemaText.Of(phase)}", why,
            view => new CenterPhaseChanged(actor.Describe(), version, now, from, phase, why, view));
    });

    public Task<ServiceCenterView> ChangeServices(Actor actor, CenterKind kind, IReadOnlyList<CenterService> services, string? reason) =>
        steps.Run(CenterOperations.ChangeServices, async () =>
        {
            var op = CenterOperations.ChangeServices;
            Require(op, actor, ActorRole.Operator);
            RequireExisting(op);
            var why = Reason(op, reason);
            var profile = S.Profile! with { Kind = kind, Services = services.Distinct().Order().ToList() };
            Validate(op, profile);
            var (version, now) = steps.Next();
            S.Profile = profile;
            return await Record(actor, version, now, kind == CenterKind.ModelOffice ? "UPGRADED_OR_SERVICES_CHANGED" : "SERVICES_CHANGED", why,
                view => new CenterServicesChanged(actor.Describe(), version, now, kind, why, view));
        });

    public Task<ServiceCenterView> SetOpeningHours(Actor actor, WeeklyHours hours) => steps.Run(CenterOperations.SetOpeningHours, async () =>
    {
        var op = CenterOperations.SetOpeningHours;
        Require(op, actor, ActorRole.Operator);
        RequireExisting(op);
        CheckCalendar(op, CalendarRules.CheckHours(hours));
        if (S.Calendar is not null && StoredCalendars.SameHours(S.Calendar.Hours, hours))
        {
            return ToView();
        }

        var (version, now) = steps.Next();
        S.Calendar = StoredCalendars.Of(Published() with { Hours = hours });
        return await RecordCalendar(actor, version, now, CenterCalendarChange.OpeningHoursSet, null, null, null);
    });

    public Task<ServiceCenterView> SetDesks(Actor actor, IReadOnlyList<CategoryDesks> desks, IReadOnlyList<ServiceSlotLength> slotLengths) =>
        steps.Run(CenterOperations.SetDesks, async () =>
        {
            var op = CenterOperations.SetDesks;
            Require(op, actor, ActorRole.Operator);
            RequireExisting(op);
            CheckCalendar(op, CalendarRules.CheckDesks(S.Profile!.Kind, desks, slotLengths));
            if (S.Calendar is not null && S.Calendar.Desks.Where(d => d.Desks > 0).OrderBy(d => d.Category).SequenceEqual(desks.Where(d => d.Desks > 0).OrderBy(d => d.Category))
                && S.Calendar.SlotLengths.OrderBy(l => l.Service).SequenceEqual(slotLengths.OrderBy(l => l.Service)))
            {
                return ToView();
            }

            var (version, now) = steps.Next();
            S.Calendar = StoredCalendars.Of(Published() with { Desks = desks, SlotLengths = slotLengths });
            return await RecordCalendar(actor, version, now, CenterCalendarChange.DesksSet, null, null, null);
        });

    public Task<CenterClosure> AddClosure(Actor actor, DateOnly from, DateOnly to, string reason) => steps.Run(CenterOperations.AddClosure, async () =>
    {
        var op = CenterOperations.AddClosure;
        Require(op, actor, ActorRole.Operator);
        RequireExisting(op);
        CheckCalendar(op, CalendarRules.CheckClosure(from, to, reason));
        var why = reason.Trim();
        var calendar = Published();
        var same = calendar.Closures.FirstOrDefault(c => c.From == from && c.To == to && c.Reason == why);
        if (same is not null)
        {
            return same;
        }

        var (version, now) = steps.Next();
        var closure = new CenterClosure($"closure-{version}", from, to, why);
        S.Calendar = StoredCalendars.Of(calendar with { Closures = [.. calendar.Closures, closure] });
        await RecordCalendar(actor, version, now, CenterCalendarChange.ClosureAdded, why, closure, null);
        return closure;
    });

    public Task<ServiceCenterView> RemoveClosure(Actor actor, string closureId) => steps.Run(CenterOperations.RemoveClosure, async () =>
    {
        var op = CenterOperations.RemoveClosure;
        Require(op, actor, ActorRole.Operator);
        RequireExisting(op);
        var calendar = Published();
        var closure = calendar.Closures.FirstOrDefault(c => c.Id == closureId)
                      ?? throw CalendarProblem.Of("closureId", "The center has no closure with that id.", ("closureId", closureId ?? "")).RefusedBy(op);
        var (version, now) = steps.Next();
        S.Calendar = StoredCalendars.Of(calendar with { Closures = calendar.Closures.Where(c => c.Id != closureId).ToList() });
        return await RecordCalendar(actor, version, now, CenterCalendarChange.ClosureRemoved, closure.Reason, closure, null);
    });

    public Task<SpecialHoursPeriod> AddSpecialPeriod(Actor actor, string name, DateOnly from, DateOnly to, WeeklyHours hours) =>
        steps.Run(CenterOperations.AddSpecialPeriod, async () =>
        {
            var op = CenterOperations.AddSpecialPeriod;
            Require(op, actor, ActorRole.Operator);
            RequireExisting(op);
            var calendar = Published();
            var same = calendar.SpecialPeriods.FirstOrDefault(p =>
                p.Name == name?.Trim() && p.From == from && p.To == to && hours is not null && StoredCalendars.SameHours(p.Hours, hours));
            if (same is not null)
            {
                return same;
            }

            CheckCalendar(op, CalendarRules.CheckPeriod(name!, from, to, hours!, calendar.SpecialPeriods));
            var (version, now) = steps.Next();
            var period = StoredCalendars.Of(new SpecialHoursPeriod($"period-{version}", name!.Trim(), from, to, hours!));
            S.Calendar = StoredCalendars.Of(calendar with { SpecialPeriods = [.. calendar.SpecialPeriods, period] });
            await RecordCalendar(actor, version, now, CenterCalendarChange.SpecialPeriodAdded, period.Name, null, period);
            return period;
        });

    public Task<ServiceCenterView> RemoveSpecialPeriod(Actor actor, string periodId) => steps.Run(CenterOperations.RemoveSpecialPeriod, async () =>
    {
        var op = CenterOperations.RemoveSpecialPeriod;
        Require(op, actor, ActorRole.Operator);
        RequireExisting(op);
        var calendar = Published();
        var period = calendar.SpecialPeriods.FirstOrDefault(p => p.Id == periodId)
                     ?? throw CalendarProblem.Of("periodId", "The center has no special-hours period with that id.", ("periodId", periodId ?? "")).RefusedBy(op);
        var (version, now) = steps.Next();
        S.Calendar = StoredCalendars.Of(calendar with { SpecialPeriods = calendar.SpecialPeriods.Where(p => p.Id != periodId).ToList() });
        return await RecordCalendar(actor, version, now, CenterCalendarChange.SpecialPeriodRemoved, period.Name, null, period);
    });

    public Task<ServiceCenterView?> Find() => Task.FromResult(state.RecordExists ? ToView() : null);

    public Task<CenterCalendar?> Calendar() =>
        Task.FromResult(state.RecordExists ? S.Calendar ?? CenterCalendars.DefaultFor(S.Profile!, S.Readiness!) : null);

    /// <summary>The calendar operators change: the published one, or the default it starts from.</summary>
    private CenterCalendar Published() => S.Calendar ?? CenterCalendars.DefaultFor(S.Profile!, S.Readiness!);

    private Task<ServiceCenterView> RecordCalendar(
        Actor actor, long version, DateTimeOffset now, CenterCalendarChange change, string? reason, CenterClosure? closure, SpecialHoursPeriod? period) =>
        Record(actor, version, now, "CALENDAR_" + SchemaText.Of(change), reason,
            view => new CenterCalendarChanged(actor.Describe(), version, now, S.Profile!.Code, change, closure, period, S.Calendar!, view));

    private static void CheckCalendar(DomainOperation op, CalendarProblem? problem)
    {
        if (problem is not null)
        {
            throw problem.RefusedBy(op);
        }
    }

    /// <summary>Records the applied step in the history and commits it with the event it made.</summary>
    private async Task<ServiceCenterView> Record(
        Actor actor, long version, DateTimeOffset now, string change, string? reason, Func<ServiceCenterView, IDomainEvent> happened)
    {
        S.Version = version;
        S.UpdatedAt = now;
        S.History.Add(new CenterHistoryEntry(version, change, now, actor.Describe(), reason));
        var view = ToView();
        await steps.Commit(S.Profile!.Code, [happened(view)]);
        return view;
    }

    private static void Validate(DomainOperation op, ServiceCenterProfile profile)
    {
        if (string.IsNullOrWhiteSpace(profile.Code) || profile.Code.Length > MaxCodeLength)
        {
            throw op.Refuse(ErrorCodes.ValidationFailed, $"A center code has 1 to {MaxCodeLength} characters.", ("field", "code"));
        }

        if (string.IsNullOrWhiteSpace(profile.NameAr) || string.IsNullOrWhiteSpace(profile.NameFr)
            || profile.NameAr.Length > MaxNameLength || profile.NameFr.Length > MaxNameLength)
        {
            throw op.Refuse(ErrorCodes.ValidationFailed, $"A center has an Arabic and a French name of at most {MaxNameLength} characters.");
        }

        if (!Governorates.Exists(profile.Governorate))
        {
            throw op.Refuse(ErrorCodes.ValidationFailed, $"Unknown governorate {profile.Governorate}.", ("field", "governorate"), ("governorate", profile.Governorate));
        }

        if (profile.DailyCapacity is < 0 or > DomainLimits.MaxDailyCapacity)
        {
            throw op.Refuse(ErrorCodes.ValidationFailed, $"Daily capacity is between 0 and {SchemaText.Number(DomainLimits.MaxDailyCapacity)}.",
                ("field", "dailyCapacity"), ("max", SchemaText.Number(DomainLimits.MaxDailyCapacity)));
        }

        if (profile.Services.Count == 0)
        {
            throw op.Refuse(ErrorCodes.InvalidCenterServices, "A center offers at least one service.");
        }

        var refused = profile.Services.Where(s => !CenterServices.KindMayOffer(profile.Kind, CenterServices.CategoryOf(s))).Select(SchemaText.Of).ToList();
        if (refused.Count > 0)
        {
            throw op.Refuse(ErrorCodes.InvalidCenterServices,
                $"A {SchemaText.Of(profile.Kind)} keeps administrative and judicial services apart and cannot offer {string.Join(", ", refused)}.",
                ("kind", SchemaText.Of(profile.Kind)), ("services", string.Join(",", refused)));
        }
    }

    /// <summary>A reason trimmed, or null when blank; longer than <see cref="DomainLimits.MaxReasonLength"/> is refused.</summary>
    private static string? Reason(DomainOperation op, string? reason)
    {
        var text = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        return text is { Length: > DomainLimits.MaxReasonLength }
            ? throw op.Refuse(ErrorCodes.ValidationFailed, $"A reason has at most {DomainLimits.MaxReasonLength} characters.",
                ("field", "reason"), ("maxLength", SchemaText.Number(DomainLimits.MaxReasonLength)))
            : text;
    }

    private static bool SameProfile(ServiceCenterProfile a, ServiceCenterProfile b) =>
        a with { Services = [] } == b with { Services = [] } && a.Services.Order().SequenceEqual(b.Services.Order());

    private void RequireExisting(DomainOperation op)
    {
        if (!state.RecordExists)
        {
            throw op.Refuse(ErrorCodes.CenterNotFound, $"No center {this.GetPrimaryKeyString()}.", ("centerId", this.GetPrimaryKeyString()));
        }
    }

    private static void Require(DomainOperation op, Actor actor, ActorRole role)
    {
        if (actor.Role != role && actor.Role != ActorRole.System)
        {
            throw op.Refuse(ErrorCodes.NotAllowed, $"Only an {SchemaText.Of(role)} may do this.", ("role", SchemaText.Of(actor.Role)));
        }
    }

    private ServiceCenterView ToView() => new(S.Profile!, S.Phase, S.Readiness!, S.RegisteredAt, S.UpdatedAt, S.Version);
}
