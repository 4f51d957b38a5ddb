using Actors.Contracts.Centers;
using Actors.Contracts.Errors;
using Actors.Contracts.Geography;
using Actors.Contracts.Identity;
using Actors.Contracts.Naming;
using Actors.Contracts.Outbox;
using Actors.Grains.Persistence;

namespace Actors.Grains.Centers;

/// <summary>
/// One service center. Operators register it and steer its rollout; supervisors of its governorate
/// report readiness. Every change is recorded, persisted with its outbox event, then mirrored into
/// the center directory (which also heals itself on activation).
/// </summary>
public sealed class ServiceCenterGrain(
    [PersistentState(StorageNames.ServiceCenterState, StorageNames.Domain)] IPersistentState<ServiceCenterState> state,
    IOutboxPublisher outbox,
    TimeProvider clock) : Grain, IServiceCenterGrain
{
    private const int MaxNameLength = 200;

    private ServiceCenterState S => state.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.RecordExists)
        {
            await Directory.Upsert(ToView());
        }
    }

    public async Task<ServiceCenterView> Register(Actor actor, ServiceCenterProfile profile)
    {
        Require(actor, ActorRole.Operator);
        if (state.RecordExists)
        {
            if (S.Profile == profile || SameProfile(S.Profile!, profile))
            {
                return ToView();
            }

            throw Refuse(ErrorCodes.CenterAlreadyRegistered, $"Center {profile.Code} is already registered.", ("centerId", profile.Code));
        }

        Validate(profile);
        var now = clock.GetUtcNow();
        // A concrete List: collection expressions produce compiler types that stored state cannot read back.
        S.Profile = profile with { Services = profile.Services.Distinct().Order().ToList() };
        S.Phase = RolloutPhase.Planned;
        S.Readiness = CenterReadiness.None(agentsRequired: 4, workstationsRequired: 4);
        S.RegisteredAt = now;
        await Commit(actor, "REGISTERED", null, now);
        return ToView();
    }

    public async Task<ServiceCenterView> UpdateReadiness(Actor actor, CenterReadiness readiness)
    {
        RequireExisting();
        if (!(actor.Role is ActorRole.Operator or ActorRole.System
              || (actor.Role == ActorRole.Supervisor && actor.Governorate == S.Profile!.Governorate)))
        {
            throw Refuse(ErrorCodes.NotAllowed, "Only operators and the governorate's supervisors report readiness.");
        }

        if (readiness.AgentsTrained < 0 || readiness.AgentsRequired < 0 || readiness.WorkstationsInstalled < 0
            || readiness.WorkstationsRequired < 0 || readiness.HostingCapacity < 0
            || readiness.AgentsRequired > 10_000 || readiness.WorkstationsRequired > 10_000 || readiness.HostingCapacity > 100_000)
        {
            throw Refuse(ErrorCodes.ValidationFailed, "Readiness counts must be between 0 and their maximum.");
        }

        S.Readiness = readiness;
        await Commit(actor, "READINESS_UPDATED", null, clock.GetUtcNow());
        return ToView();
    }

    public async Task<ServiceCenterView> ChangePhase(Actor actor, RolloutPhase phase, string? reason)
    {
        Require(actor, ActorRole.Operator);
        RequireExisting();
        if (phase == S.Phase)
        {
            return ToView();
        }

        if (phase == RolloutPhase.Live && !S.Readiness!.IsReadyForLive)
        {
            throw Refuse(ErrorCodes.CenterNotReady,
                "A center goes live once networked, with every required agent trained and workstation installed, and hosting capacity.",
                ("centerId", S.Profile!.Code), ("readiness", S.Readiness.Score.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (phase == RolloutPhase.Planned)
        {
            throw Refuse(ErrorCodes.InvalidTransition, "A center never goes back to PLANNED; suspend it instead.",
                ("from", S.Phase.ToString()), ("to", phase.ToString()));
        }

        if (phase == RolloutPhase.Suspended && string.IsNullOrWhiteSpace(reason))
        {
            throw Refuse(ErrorCodes.ReasonRequired, "Suspending a center needs a reason.");
        }

        var from = S.Phase;
        S.Phase = phase;
        await Commit(actor, $"PHASE_{from}_TO_{phase}".ToUpperInvariant(), reason, clock.GetUtcNow());
        return ToView();
    }

    public async Task<ServiceCenterView> ChangeServices(Actor actor, CenterKind kind, IReadOnlyList<CenterService> services, string? reason)
    {
        Require(actor, ActorRole.Operator);
        RequireExisting();
        var profile = S.Profile! with { Kind = kind, Services = services.Distinct().Order().ToList() };
        Validate(profile);
        S.Profile = profile;
        await Commit(actor, kind == CenterKind.ModelOffice ? "UPGRADED_OR_SERVICES_CHANGED" : "SERVICES_CHANGED", reason, clock.GetUtcNow());
        return ToView();
    }

    public Task<ServiceCenterView?> Find() => Task.FromResult(state.RecordExists ? ToView() : null);

    private ICenterDirectoryGrain Directory => GrainFactory.GetGrain<ICenterDirectoryGrain>(0);

    private async Task Commit(Actor actor, string change, string? reason, DateTimeOffset now)
    {
        S.UpdatedAt = now;
        S.Version++;
        S.History.Add(new CenterHistoryEntry(S.Version, change, now, actor.Describe(), reason));
        var view = ToView();
        S.Outbox =
        [
            new OutboxEvent(AggregateTypes.ServiceCenter, S.Profile!.Code, S.Version,
                OutboxEventTypes.ServiceCenterChanged, OutboxJson.Serialize(view), now),
        ];
        await state.WriteOrRestoreAsync(this);
        await outbox.PublishAsync(S.Outbox);
        await Directory.Upsert(view);
    }

    private static void Validate(ServiceCenterProfile profile)
    {
        if (string.IsNullOrWhiteSpace(profile.Code) || profile.Code.Length > 32)
        {
            throw Refuse(ErrorCodes.ValidationFailed, "A center code has 1 to 32 characters.");
        }

        if (string.IsNullOrWhiteSpace(profile.NameAr) || string.IsNullOrWhiteSpace(profile.NameFr)
            || profile.NameAr.Length > MaxNameLength || profile.NameFr.Length > MaxNameLength)
        {
            throw Refuse(ErrorCodes.ValidationFailed, $"A center has an Arabic and a French name of at most {MaxNameLength} characters.");
        }

        if (!Governorates.Exists(profile.Governorate))
        {
            throw Refuse(ErrorCodes.ValidationFailed, $"Unknown governorate {profile.Governorate}.", ("governorate", profile.Governorate));
        }

        if (profile.DailyCapacity is < 0 or > 100_000)
        {
            throw Refuse(ErrorCodes.ValidationFailed, "Daily capacity must be between 0 and 100000.");
        }

        if (profile.Services.Count == 0)
        {
            throw Refuse(ErrorCodes.InvalidCenterServices, "A center offers at least one service.");
        }

        var refused = profile.Services.Where(s => !CenterServices.KindMayOffer(profile.Kind, CenterServices.CategoryOf(s))).ToList();
        if (refused.Count > 0)
        {
            throw Refuse(ErrorCodes.InvalidCenterServices,
                $"A {profile.Kind} keeps administrative and judicial services apart and cannot offer {string.Join(", ", refused)}.",
                ("kind", profile.Kind.ToString()), ("services", string.Join(",", refused)));
        }
    }

    private static bool SameProfile(ServiceCenterProfile a, ServiceCenterProfile b) =>
        a with { Services = [] } == b with { Services = [] } && a.Services.Order().SequenceEqual(b.Services.Order());

    private void RequireExisting()
    {
        if (!state.RecordExists)
        {
            throw Refuse(ErrorCodes.CenterNotFound, $"No center {this.GetPrimaryKeyString()}.", ("centerId", this.GetPrimaryKeyString()));
        }
    }

    private static void Require(Actor actor, ActorRole role)
    {
        if (actor.Role != role && actor.Role != ActorRole.System)
        {
            throw Refuse(ErrorCodes.NotAllowed, $"Only a {role} may do this.", ("role", actor.Role.ToString()));
        }
    }

    private static DomainException Refuse(string code, string message, params (string Key, string Value)[] parameters) =>
        new(DomainError.Of(code, message, parameters));

    private ServiceCenterView ToView() => new(S.Profile!, S.Phase, S.Readiness!, S.RegisteredAt, S.UpdatedAt, S.Version);
}
