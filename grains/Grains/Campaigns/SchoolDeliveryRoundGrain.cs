using Actors.Contracts.Campaigns;
using Actors.Contracts.Errors;
using Actors.Contracts.Idempotency;
using Actors.Contracts.Identity;
using Actors.Contracts.Naming;
using Actors.Contracts.Requests;
using Actors.Contracts.Requests.Index;
using Actors.Grains.Persistence;

namespace Actors.Grains.Campaigns;

/// <summary>
/// One delivery round of a campaign school's cards. The round decides what travels together and what came back; each
/// request stays the owner of its own rules, so every card handed over goes through the request's CONFIRM_DELIVERY
/// (channel SCHOOL), checked against the version the round read just before.
/// </summary>
public sealed class SchoolDeliveryRoundGrain(
    [PersistentState(StorageNames.SchoolDeliveryRoundState, StorageNames.Domain)] IPersistentState<SchoolDeliveryRoundState> state,
    IRequestIndex index,
    TimeProvider clock) : Grain, ISchoolDeliveryRoundGrain
{
    public const int MaxReasonLength = 500;

    /// <summary>How many request references a refusal names at most (the rest are counted).</summary>
    private const int NamedInRefusal = 20;

    private SchoolDeliveryRoundState S => state.State;

    private Guid Id => this.GetPrimaryKey();

    /// <summary>Reads requests whoever recorded the handover (an education officer sees no request on their own).</summary>
    private Actor Reader => Actor.System("school-delivery/" + Id.ToString("N"));

    public async Task<SchoolDeliveryRoundView> Prepare(Actor actor, SchoolDeliveryPlan plan)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(plan);
        var op = SchoolDeliveryOperations.PrepareSchoolDelivery;
        if (actor.Role != ActorRole.Agent || actor.CenterId is not { } centerId)
        {
            throw op.Refuse(ErrorCodes.NotAllowed, $"Only an {SchemaText.Of(ActorRole.Agent)} of a center prepares a school delivery round.",
                ("role", SchemaText.Of(actor.Role)));
        }

        var schoolCode = (plan.SchoolCode ?? "").Trim().ToUpperInvariant();
        var fingerprint = IdempotencyPolicy.Fingerprint(op.Name, plan with { SchoolCode = schoolCode });
        if (S.Exists)
        {
            return S.PlanFingerprint == fingerprint
                ? View()
                : throw op.Refuse(ErrorCodes.IdempotencyKeyReused, "This idempotency key already prepared a round with another plan.");
        }

        var campaign = await GrainFactory.Reference<ICampaignGrain>(plan.CampaignId).Find() ?? throw op.Refuse(ErrorCodes.NotFound, "No campaign has this id.");
        var school = campaign.Schools.FirstOrDefault(s => s.Code == schoolCode)
            ?? throw op.Refuse(ErrorCodes.SchoolNotInCampaign, $"School {schoolCode} is not one of the schools of campaign {campaign.Name}.",
                ("schoolCode", schoolCode));

        var board = GrainFactory.Reference<ISchoolDeliveryBoardGrain>(ISchoolDeliveryBoardGrain.KeyOf(plan.CampaignId, schoolCode));
        var ids = await Chosen(op, plan, schoolCode, centerId, board);
        if (ids.Count == 0)
        {
            throw op.Refuse(ErrorCodes.NoCardsToDeliver, $"No card of school {schoolCode} is {SchemaText.Of(RequestStatus.ReadyForDelivery)} at center {centerId} outside another round.",
                ("schoolCode", schoolCode), ("centerId", centerId));
        }

        var found = await Task.WhenAll(ids.Select(id => GrainFactory.Reference<ICitizenRequestGrain>(id).Find(actor)));
        var ofAnotherSchool = found.OfType<CitizenRequestView>().Where(r => r.Pupil?.SchoolCode != schoolCode).ToList();
        if (ofAnotherSchool.Count > 0)
        {
            throw op.Refuse(ErrorCodes.CardOfAnotherSchool, $"{Named(ofAnotherSchool.Select(r => r.Reference).ToList())} {Verb(ofAnotherSchool.Count)} not a pupil's card of school {schoolCode}.",
                ("references", Listed(ofAnotherSchool.Select(r => r.Reference))), ("schoolCode", schoolCode));
        }

        // A card the agent cannot see (another center's, or no such request) is refused like one that is not ready: the two look alike.
        var notReady = ids.Zip(found).Where(p => p.Second is not { Status: RequestStatus.ReadyForDelivery, Kind: RequestKind.NationalIdCard }).ToList();
        if (notReady.Count > 0)
        {
            var names = notReady.Select(p => p.Second?.Reference ?? p.First.ToString("N")).ToList();
            throw op.Refuse(ErrorCodes.CardNotReadyForDelivery,
                $"{Named(names)} {Verb(names.Count)} not {SchemaText.Of(RequestStatus.ReadyForDelivery)} at center {centerId}.",
                ("references", Listed(names)), ("centerId", centerId));
        }

        var taken = await board.Claim(Id, ids);
        if (taken.Count > 0)
        {
            var names = found.OfType<CitizenRequestView>().Where(r => taken.Contains(r.Id)).Select(r => r.Reference).ToList();
            throw op.Refuse(ErrorCodes.CardInAnotherRound, $"{Named(names)} {Verb(names.Count)} already in another open delivery round.",
                ("references", Listed(names)));
        }

        var now = clock.GetUtcNow();
        S.Exists = true;
        S.CampaignId = plan.CampaignId;
        S.SchoolCode = schoolCode;
        S.SchoolName = school.Name;
        S.Governorate = school.Governorate;
        S.CenterId = centerId;
        S.Status = SchoolDeliveryRoundStatus.Prepared;
        S.Cards = found.OfType<CitizenRequestView>()
            .Select(r => new SchoolDeliveryCard(r.Id, r.Reference, r.Applicant?.GivenName ?? "", r.Pupil?.Grade))
            .OrderBy(c => c.Reference, StringComparer.Ordinal)
            .ToList();
        S.PreparedBy = actor.Describe();
        S.PreparedAt = now;
        S.PlanFingerprint = fingerprint;
        await Save(now);
        return View();
    }

    public async Task<SchoolDeliveryRoundView> Dispatch(Actor actor)
    {
        var op = SchoolDeliveryOperations.DispatchSchoolDelivery;
        CheckStep(op, SchoolDeliveryAction.DispatchSchoolDelivery, actor);
        var now = clock.GetUtcNow();
        S.Status = SchoolDeliveryRoundStatus.Dispatched;
        S.DispatchedAt = now;
        S.DispatchedBy = actor.Describe();
        await Save(now);
        return View();
    }

    public async Task<SchoolDeliveryRoundView> RecordHandover(Actor actor, SchoolHandover handover)
    {
        ArgumentNullException.ThrowIfNull(handover);
        var op = SchoolDeliveryOperations.RecordSchoolHandover;
        EnsureVisibleTo(op, actor);
        if (S.Status == SchoolDeliveryRoundStatus.HandedOver && S.Handover is { } recorded && Same(recorded, handover))
        {
            // A retried handover: the round as it is. Its cards are released again in case the first call stopped before.
            await Board().Release(Id);
            return View();
        }

        CheckStep(op, SchoolDeliveryAction.RecordSchoolHandover, actor);
        CheckAccounting(op, handover);
        if (S.Handover is { } pending && !Same(pending, handover))
        {
            throw op.Refuse(ErrorCodes.HandoverMismatch, "This round's handover is already being recorded with other outcomes; send the same handover again.");
        }

        if (S.Handover is null)
        {
            // Before anything changes: every card said to be handed over must still be ready, or nothing is recorded.
            var delivered = await Task.WhenAll(handover.Delivered.Select(id => Request(id).Find(Reader)));
            var notReady = delivered.Where(r => r?.Status != RequestStatus.ReadyForDelivery)
                .Select(r => r?.Reference ?? "").Where(r => r.Length > 0).ToList();
            if (notReady.Count > 0 || delivered.Any(r => r is null))
            {
                throw op.Refuse(ErrorCodes.CardNotReadyForDelivery,
                    $"{Named(notReady)} {Verb(notReady.Count)} no longer {SchemaText.Of(RequestStatus.ReadyForDelivery)}; record those cards as returned.",
                    ("references", Listed(notReady)));
            }

            S.Handover = handover;
            S.HandedOverBy = actor.Describe();
            await Save(clock.GetUtcNow());
        }

        // An agent of the center delivers in their own name; an education officer's handover is delivered by this round,
        // whose history names the officer.
        var deliverer = actor.Role == ActorRole.Agent ? actor : Reader;
        var outcomes = new Dictionary<Guid, (SchoolDeliveryOutcome Outcome, string? Reason)>();
        foreach (var id in handover.Delivered)
        {
            outcomes[id] = await Deliver(id, deliverer);
        }

        foreach (var returned in handover.Returned)
        {
            outcomes[returned.RequestId] = (SchoolDeliveryOutcome.Returned, returned.Reason.Trim());
        }

        var now = clock.GetUtcNow();
        S.Cards = S.Cards.Select(c => c with { Outcome = outcomes[c.RequestId].Outcome, ReturnReason = outcomes[c.RequestId].Reason }).ToList();
        S.Status = SchoolDeliveryRoundStatus.HandedOver;
        S.HandedOverAt = now;
        await Save(now);
        await Board().Release(Id);
        return View();
    }

    public async Task<SchoolDeliveryRoundView> Cancel(Actor actor, string? reason)
    {
        var op = SchoolDeliveryOperations.CancelSchoolDelivery;
        CheckStep(op, SchoolDeliveryAction.CancelSchoolDelivery, actor);
        var why = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (why?.Length > MaxReasonLength)
        {
            throw op.Refuse(ErrorCodes.ValidationFailed, $"reason is at most {MaxReasonLength} characters.", ("field", "input.reason"));
        }

        var now = clock.GetUtcNow();
        S.Status = SchoolDeliveryRoundStatus.Cancelled;
        S.CancelledAt = now;
        S.CancelledBy = actor.Describe();
        S.CancelReason = why;
        await Save(now);
        await Board().Release(Id);
        return View();
    }

    public Task<SchoolDeliveryRoundView?> Find(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return Task.FromResult(S.Exists && SchoolDeliveryTransitions.IsInScope(actor, S.CenterId, S.Governorate) ? View() : null);
    }

    /// <summary>
    /// One card to DELIVERED through its request, once: a request already delivered at school (this round's earlier call,
    /// stopped before it was saved) counts as delivered; one that refuses now (changed since the check) comes back.
    /// </summary>
    private async Task<(SchoolDeliveryOutcome, string?)> Deliver(Guid id, Actor deliverer)
    {
        var request = await Request(id).Find(Reader);
        if (request is { Status: RequestStatus.Delivered, Delivery.Channel: DeliveryChannel.School })
        {
            return (SchoolDeliveryOutcome.Delivered, null);
        }

        try
        {
            await Request(id).Perform(deliverer, new RequestCommand(
                RequestAction.ConfirmDelivery, DeliveryChannel: DeliveryChannel.School, ExpectedVersion: request?.Version));
            return (SchoolDeliveryOutcome.Delivered, null);
        }
        catch (DomainException refused)
        {
            return (SchoolDeliveryOutcome.Returned, $"The request refused the delivery ({refused.Error.Code}).");
        }
    }

    /// <summary>The cards asked for, or every card of the school ready at the agent's center that no other open round holds.</summary>
    private async Task<List<Guid>> Chosen(DomainOperation op, SchoolDeliveryPlan plan, string schoolCode, string centerId, ISchoolDeliveryBoardGrain board)
    {
        if (plan.RequestIds is { } asked)
        {
            var ids = asked.Distinct().ToList();
            return ids.Count <= SchoolDeliveryCandidates.MaxCards
                ? ids
                : throw op.Refuse(ErrorCodes.ValidationFailed, $"A round takes at most {SchemaText.Number(SchoolDeliveryCandidates.MaxCards)} cards.",
                    ("field", "input.requestIds"));
        }

        var open = await board.OpenCards();
        var ready = await SchoolDeliveryCandidates.ReadyAsync(index, schoolCode, centerId, governorate: null);
        return ready.Select(e => e.Id).Where(id => !open.TryGetValue(id, out var holder) || holder == Id).ToList();
    }

    private void CheckAccounting(DomainOperation op, SchoolHandover handover)
    {
        foreach (var returned in handover.Returned)
        {
            if (string.IsNullOrWhiteSpace(returned.Reason) || returned.Reason.Trim().Length > MaxReasonLength)
            {
                throw op.Refuse(ErrorCodes.ValidationFailed, $"Each returned card needs a reason of at most {MaxReasonLength} characters.",
                    ("field", "input.returned.reason"));
            }
        }

        var told = handover.Delivered.Concat(handover.Returned.Select(r => r.RequestId)).ToList();
        var inRound = S.Cards.Select(c => c.RequestId).ToHashSet();
        var twice = told.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        var missing = S.Cards.Where(c => !told.Contains(c.RequestId)).Select(c => c.Reference).ToList();
        var strangers = told.Count(id => !inRound.Contains(id));
        if (twice.Count > 0 || missing.Count > 0 || strangers > 0)
        {
            var named = S.Cards.Where(c => twice.Contains(c.RequestId)).Select(c => c.Reference).ToList();
            throw op.Refuse(ErrorCodes.HandoverMismatch,
                $"Each of the round's {S.Cards.Count} cards is delivered or returned exactly once: {missing.Count} missing, {twice.Count} told twice, {strangers} not in the round.",
                ("missing", Listed(missing)), ("twice", Listed(named)), ("notInRound", SchemaText.Number(strangers)));
        }
    }

    private void EnsureVisibleTo(DomainOperation op, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!S.Exists || !SchoolDeliveryTransitions.IsInScope(actor, S.CenterId, S.Governorate))
        {
            throw op.Refuse(ErrorCodes.NotFound, "No delivery round has this id.");
        }
    }

    private void CheckStep(DomainOperation op, SchoolDeliveryAction action, Actor actor)
    {
        EnsureVisibleTo(op, actor);
        var step = SchemaText.Of(action);
        if (!SchoolDeliveryTransitions.Allows(action, S.Status))
        {
            var status = SchemaText.Of(S.Status);
            throw op.Refuse(ErrorCodes.InvalidTransition, $"{step} is not possible for a delivery round in status {status}.",
                ("action", step), ("status", status));
        }

        if (!SchoolDeliveryTransitions.MayAct(SchoolDeliveryTransitions.For(action), actor, S.CenterId, S.Governorate))
        {
            var role = SchemaText.Of(actor.Role);
            throw op.Refuse(ErrorCodes.NotAllowed, $"The role {role} may not take {step} on this round.", ("action", step), ("role", role));
        }
    }

    private static bool Same(SchoolHandover a, SchoolHandover b) =>
        a.Delivered.Order().SequenceEqual(b.Delivered.Order())
        && a.Returned.Select(r => (r.RequestId, r.Reason.Trim())).Order().SequenceEqual(b.Returned.Select(r => (r.RequestId, r.Reason.Trim())).Order());

    private static string Listed(IEnumerable<string> references) => string.Join(",", references.Take(NamedInRefusal));

    private static string Named(IReadOnlyCollection<string> references) =>
        references.Count switch
        {
            0 => "Some cards",
            1 => "Card " + references.First(),
            _ when references.Count <= NamedInRefusal => "Cards " + string.Join(", ", references),
            _ => $"Cards {string.Join(", ", references.Take(NamedInRefusal))} and {SchemaText.Number(references.Count - NamedInRefusal)} more",
        };

    private static string Verb(int count) => count == 1 ? "is" : "are";

    private ICitizenRequestGrain Request(Guid id) => GrainFactory.Reference<ICitizenRequestGrain>(id);

    private ISchoolDeliveryBoardGrain Board() =>
        GrainFactory.Reference<ISchoolDeliveryBoardGrain>(ISchoolDeliveryBoardGrain.KeyOf(S.CampaignId, S.SchoolCode));

    private async Task Save(DateTimeOffset now)
    {
        S.Version++;
        S.UpdatedAt = now;
        await state.WriteOrRestoreAsync(this);
    }

    private SchoolDeliveryRoundView View() => new(
        Id, S.CampaignId, S.SchoolCode, S.SchoolName, S.Governorate, S.CenterId, S.Status, S.Cards.ToList(), S.PreparedBy, S.PreparedAt,
        S.DispatchedAt, S.HandedOverAt, S.HandedOverBy, S.CancelledAt, S.CancelReason, S.Version, S.UpdatedAt);
}
