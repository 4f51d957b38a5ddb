using System.Globalization;
using Actors.Contracts.Errors;
using Actors.Contracts.Funds;
using Actors.Contracts.Idempotency;
using Actors.Contracts.Funds.Index;
using Actors.Contracts.Identity;
using Actors.Contracts.Naming;
using Actors.Contracts.Outbox;
using Actors.Grains.Persistence;

namespace Actors.Grains.Funds;

/// <summary>
/// One fund year. Every step goes: check (role, table, money) → apply to state with a recorded step
/// and the outbox events → check the books → persist (one write) → publish. The grain is not
/// reentrant, so a check and the write that follows it happen without any other call in between:
/// hundreds of concurrent allocateFunds calls are served one after the other and none can overdraw.
/// A refused step throws a DomainException before anything changes; a failed write reloads the stored state.
/// </summary>
public sealed class FundGrain(
    [PersistentState(StorageNames.FundState, StorageNames.Domain)] IPersistentState<FundState> state,
    IOutboxPublisher outbox,
    TimeProvider clock) : Grain, IFundGrain
{
    private const int MaxReasonLength = 500;
    private const int MaxIdempotencyKeyLength = 128;

    private FundState S => state.State;

    private FundLedger Ledger => new(S);

    private IMunicipalityRegistryGrain Registry => GrainFactory.GetGrain<IMunicipalityRegistryGrain>(IMunicipalityRegistryGrain.Key);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        SeedIfNew();
        return Task.CompletedTask;
    }

    public async Task<FundView> Open(Actor actor, FundSetup setup)
    {
        RequireFundManager(actor);
        if (S.IsOpen)
        {
            return SameSetup(setup)
                ? Ledger.View()
                : throw Refuse(ErrorCodes.FundAlreadyOpen, $"The {S.Year} fund is already open with other appropriations.", ("year", YearText));
        }

        if (this.GetPrimaryKeyLong() is < 2000 or > 2100)
        {
            throw Refuse(ErrorCodes.ValidationFailed, "A fund year is between 2000 and 2100.", ("year", this.GetPrimaryKeyLong().ToString(CultureInfo.InvariantCulture)));
        }

        ValidateSetup(setup);
        var (version, now) = Next();
        Apply(setup, actor.Describe(), now);
        await Commit(version, now, []);
        return Ledger.View();
    }

    public Task<FundView?> Find() => Task.FromResult(S.IsOpen ? Ledger.View() : null);

    public async Task<Allocation> Allocate(Actor actor, AllocationProposal proposal)
    {
        RequireOpen();
        RequireFundManager(actor);
        var reason = Reason(proposal.Reason);
        var fingerprint = Fingerprint("allocate", proposal.Programme, proposal.MunicipalityCode, proposal.AmountMillimes, reason);
        if (Replay(actor, proposal.IdempotencyKey, fingerprint) is { } earlier)
        {
            return S.Allocations.First(a => a.Id == earlier);
        }

        RequirePositive(proposal.AmountMillimes);
        var line = Line(proposal.Programme);
        var municipality = await Registry.Find(proposal.MunicipalityCode)
            ?? throw Refuse(ErrorCodes.MunicipalityNotFound, $"No municipality {proposal.MunicipalityCode}.", ("municipalityCode", proposal.MunicipalityCode));
        RequireEligible(line.Code, municipality);

        // The check and the write below are one turn of this grain: nothing can slip in between.
        var available = Ledger.Available(line);
        if (proposal.AmountMillimes > available)
        {
            throw Refuse(ErrorCodes.AppropriationExceeded,
                $"Programme {line.Code} has {available} millimes available; {proposal.AmountMillimes} asked.",
                ("programme", line.Code.ToString()), ("requestedMillimes", Text(proposal.AmountMillimes)), ("availableMillimes", Text(available)));
        }

        var (version, now) = Next();
        var by = actor.Describe();
        var allocation = new Allocation(
            Guid.NewGuid(), S.Year, line.Code, municipality.Code, municipality.NameAr, municipality.NameFr, municipality.Governorate,
            proposal.AmountMillimes, 0, AllocationStatus.Proposed, reason, actor.Subject, by, now, now, version,
            Listed(new AllocationStep(version, AllocationAction.Propose, AllocationStatus.Proposed, now, by, reason, proposal.AmountMillimes)),
            new List<Disbursement>());
        S.Allocations.Add(allocation);
        Remember(actor, proposal.IdempotencyKey, fingerprint, allocation.Id);
        await Commit(version, now, [Changed(allocation)]);
        return allocation;
    }

    public async Task<Allocation> Perform(Actor actor, AllocationCommand command)
    {
        RequireFundManager(actor);
        if (command.Action is AllocationAction.Propose or AllocationAction.Disburse)
        {
            throw Refuse(ErrorCodes.ValidationFailed, $"{command.Action} has its own command.", ("action", command.Action.ToString()));
        }

        var (index, allocation) = FindAllocationOrThrow(command.AllocationId);
        var reason = Reason(command.Reason);
        var to = AllocationTransitions.Target(command.Action);
        if (IsRetry(allocation, command.Action, to, actor))
        {
            return allocation;
        }

        var transition = AllocationTransitions.For(command.Action);
        RequireTransition(transition, allocation);
        if (transition.ReasonRequired && reason is null)
        {
            throw Refuse(ErrorCodes.ReasonRequired, $"{command.Action} needs a reason.", ("action", command.Action.ToString()));
        }

        if (command.Action == AllocationAction.Approve)
        {
            if (allocation.ProposerSubject == actor.Subject)
            {
                throw SegregationOfDuties("allocation");
            }

            // Municipalities can be re-imported between proposal and approval: check eligibility again.
            if (allocation.Programme == FundProgrammeCode.NewMunicipalities)
            {
                var municipality = await Registry.Find(allocation.MunicipalityCode)
                    ?? throw Refuse(ErrorCodes.MunicipalityNotFound, $"No municipality {allocation.MunicipalityCode}.", ("municipalityCode", allocation.MunicipalityCode));
                RequireEligible(allocation.Programme, municipality);
            }
        }

        var (version, now) = Next();
        var returned = command.Action == AllocationAction.Cancel ? allocation.UndisbursedMillimes : (long?)null;
        var updated = allocation with
        {
            Status = to,
            UpdatedAt = now,
            Version = version,
            Steps = Listed(allocation.Steps, new AllocationStep(version, command.Action, to, now, actor.Describe(), reason, returned)),
        };
        S.Allocations[index] = updated;
        await Commit(version, now, [Changed(updated)]);
        return updated;
    }

    public async Task<Allocation> Disburse(Actor actor, DisbursementOrder order)
    {
        RequireFundManager(actor);
        var (index, allocation) = FindAllocationOrThrow(order.AllocationId);
        var reason = Reason(order.Reason);
        var fingerprint = Fingerprint("disburse", order.AllocationId.ToString("N"), order.AmountMillimes, reason);
        if (Replay(actor, order.IdempotencyKey, fingerprint) is not null)
        {
            return allocation;
        }

        RequirePositive(order.AmountMillimes);
        RequireTransition(AllocationTransitions.For(AllocationAction.Disburse), allocation);
        var remaining = allocation.AmountMillimes - allocation.DisbursedMillimes;
        if (order.AmountMillimes > remaining)
        {
            throw Refuse(ErrorCodes.DisbursementExceedsAllocation,
                $"Only {remaining} millimes of this allocation are left to disburse; {order.AmountMillimes} asked.",
                ("requestedMillimes", Text(order.AmountMillimes)), ("remainingMillimes", Text(remaining)));
        }

        var (version, now) = Next();
        var by = actor.Describe();
        var disbursed = allocation.DisbursedMillimes + order.AmountMillimes;
        var to = AllocationTransitions.Target(AllocationAction.Disburse, fullyDisbursed: disbursed == allocation.AmountMillimes);
        var updated = allocation with
        {
            DisbursedMillimes = disbursed,
            Status = to,
            UpdatedAt = now,
            Version = version,
            Steps = Listed(allocation.Steps, new AllocationStep(version, AllocationAction.Disburse, to, now, by, reason, order.AmountMillimes)),
            Disbursements = Listed(allocation.Disbursements, new Disbursement(Guid.NewGuid(), order.AmountMillimes, now, by, reason)),
        };
        S.Allocations[index] = updated;
        Remember(actor, order.IdempotencyKey, fingerprint, updated.Id);
        await Commit(version, now, [Changed(updated)]);
        return updated;
    }

    public Task<Allocation?> FindAllocation(Guid allocationId) =>
        Task.FromResult(S.IsOpen ? S.Allocations.FirstOrDefault(a => a.Id == allocationId) : null);

    public Task<IReadOnlyList<Allocation>> GetAllocations(IReadOnlyList<Guid> allocationIds)
    {
        var wanted = allocationIds.ToHashSet();
        var byId = S.Allocations.Where(a => wanted.Contains(a.Id)).ToDictionary(a => a.Id);
        IReadOnlyList<Allocation> found = allocationIds.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
        return Task.FromResult(found);
    }

    public async Task<FundAmendment> ProposeAmendment(Actor actor, AmendmentProposal proposal)
    {
        RequireOpen();
        RequireFundManager(actor);
        var reason = Reason(proposal.Reason);
        var fingerprint = Fingerprint("amend", proposal.From, proposal.To, proposal.AmountMillimes, reason);
        if (Replay(actor, proposal.IdempotencyKey, fingerprint) is { } earlier)
        {
            return S.Amendments.First(a => a.Id == earlier);
        }

        RequirePositive(proposal.AmountMillimes);
        if (proposal.From == proposal.To)
        {
            throw Refuse(ErrorCodes.ValidationFailed, "An amendment moves money between two different lines (a programme or the unprogrammed remainder).");
        }

        if (proposal.From is { } from)
        {
            Line(from);
        }

        if (proposal.To is { } to)
        {
            Line(to);
        }

        if (reason is null)
        {
            throw Refuse(ErrorCodes.ReasonRequired, "An amendment needs a reason.", ("action", "ProposeAmendment"));
        }

        RequireSource(proposal.From, proposal.AmountMillimes);
        var (version, now) = Next();
        var amendment = new FundAmendment(Guid.NewGuid(), S.Year, proposal.From, proposal.To, proposal.AmountMillimes,
            AmendmentStatus.Proposed, reason, actor.Subject, actor.Describe(), now, null, null, null, version);
        S.Amendments.Add(amendment);
        Remember(actor, proposal.IdempotencyKey, fingerprint, amendment.Id);
        await Commit(version, now, [Changed(amendment, now)]);
        return amendment;
    }

    public async Task<FundAmendment> DecideAmendment(Actor actor, AmendmentDecision decision)
    {
        RequireFundManager(actor);
        var index = S.IsOpen ? S.Amendments.FindIndex(a => a.Id == decision.AmendmentId) : -1;
        if (index < 0)
        {
            throw Refuse(ErrorCodes.NotFound, "No such amendment.");
        }

        var amendment = S.Amendments[index];
        var reason = Reason(decision.Reason);
        var to = decision.Approve ? AmendmentStatus.Approved : AmendmentStatus.Rejected;
        if (amendment.Status == to && amendment.DecidedBy == actor.Describe())
        {
            return amendment;
        }

        if (amendment.Status != AmendmentStatus.Proposed)
        {
            throw Refuse(ErrorCodes.InvalidTransition, $"The amendment is already {amendment.Status}.",
                ("action", decision.Approve ? "ApproveAmendment" : "RejectAmendment"), ("status", amendment.Status.ToString()));
        }

        if (decision.Approve)
        {
            if (amendment.ProposerSubject == actor.Subject)
            {
                throw SegregationOfDuties("amendment");
            }

            // Money may have moved since the proposal: check the source again, now, in this turn.
            RequireSource(amendment.From, amendment.AmountMillimes);
        }
        else if (reason is null)
        {
            throw Refuse(ErrorCodes.ReasonRequired, "Rejecting an amendment needs a reason.", ("action", "RejectAmendment"));
        }

        var (version, now) = Next();
        if (decision.Approve)
        {
            Move(amendment.From, amendment.To, amendment.AmountMillimes);
        }

        var decided = amendment with { Status = to, DecidedBy = actor.Describe(), DecidedAt = now, DecisionReason = reason, Version = version };
        S.Amendments[index] = decided;
        await Commit(version, now, [Changed(decided, now)]);
        return decided;
    }

    private void SeedIfNew()
    {
        if (!state.RecordExists && !S.IsOpen && FundSeeds.For(this.GetPrimaryKeyLong()) is { } setup)
        {
            // The seeded year exists before anyone writes it; its first step persists it.
            Apply(setup, FundSeeds.OpenedBy, FundSeeds.OpenedAt2026);
        }
    }

    private void Apply(FundSetup setup, string openedBy, DateTimeOffset at)
    {
        S.Year = (int)this.GetPrimaryKeyLong();
        S.IsOpen = true;
        S.AppropriationMillimes = setup.AppropriationMillimes;
        S.Programmes = setup.Programmes.Select(p => p with { InitialAppropriationMillimes = p.AppropriationMillimes }).ToList();
        S.UnprogrammedMillimes = setup.AppropriationMillimes - setup.Programmes.Sum(p => p.AppropriationMillimes);
        S.Source = setup.Source;
        S.OpenedBy = openedBy;
        S.OpenedAt = at;
        S.UpdatedAt = at;
    }

    private static void ValidateSetup(FundSetup setup)
    {
        if (setup.AppropriationMillimes <= 0 || setup.Programmes.Count == 0
            || setup.Programmes.Select(p => p.Code).Distinct().Count() != setup.Programmes.Count
            || setup.Programmes.Any(p => p.AppropriationMillimes < 0 || string.IsNullOrWhiteSpace(p.NameAr) || string.IsNullOrWhiteSpace(p.NameFr))
            || setup.Programmes.Aggregate(0L, (sum, p) => checked(sum + p.AppropriationMillimes)) > setup.AppropriationMillimes)
        {
            throw Refuse(ErrorCodes.ValidationFailed,
                "A fund has a positive appropriation and distinct, named programme lines whose sum does not exceed it.");
        }
    }

    private bool SameSetup(FundSetup setup) =>
        setup.AppropriationMillimes == S.AppropriationMillimes
        && setup.Programmes.Count == S.Programmes.Count
        && setup.Programmes.Zip(S.Programmes).All(p =>
            p.First.Code == p.Second.Code && p.First.NameAr == p.Second.NameAr && p.First.NameFr == p.Second.NameFr
            && p.First.AppropriationMillimes == p.Second.InitialAppropriationMillimes);

    /// <summary>Applies an approved amendment: the total appropriation stays, the lines move.</summary>
    private void Move(FundProgrammeCode? from, FundProgrammeCode? to, long amount)
    {
        if (from is { } source)
        {
            SetLine(source, -amount);
        }
        else
        {
            S.UnprogrammedMillimes = checked(S.UnprogrammedMillimes - amount);
        }

        if (to is { } target)
        {
            SetLine(target, amount);
        }
        else
        {
            S.UnprogrammedMillimes = checked(S.UnprogrammedMillimes + amount);
        }

        void SetLine(FundProgrammeCode code, long delta)
        {
            var i = S.Programmes.FindIndex(p => p.Code == code);
            S.Programmes[i] = S.Programmes[i] with { AppropriationMillimes = checked(S.Programmes[i].AppropriationMillimes + delta) };
        }
    }

    /// <summary>The source of an amendment must have the amount free: unprogrammed, or available on the programme.</summary>
    private void RequireSource(FundProgrammeCode? from, long amount)
    {
        if (from is null)
        {
            if (amount > S.UnprogrammedMillimes)
            {
                throw Refuse(ErrorCodes.UnprogrammedExceeded,
                    $"Only {S.UnprogrammedMillimes} millimes are unprogrammed; {amount} asked.",
                    ("requestedMillimes", Text(amount)), ("unprogrammedMillimes", Text(S.UnprogrammedMillimes)));
            }

            return;
        }

        var line = Line(from.Value);
        var available = Ledger.Available(line);
        if (amount > available)
        {
            throw Refuse(ErrorCodes.AppropriationExceeded,
                $"Programme {line.Code} has {available} millimes available; {amount} asked.",
                ("programme", line.Code.ToString()), ("requestedMillimes", Text(amount)), ("availableMillimes", Text(available)));
        }
    }

    private async Task Commit(long version, DateTimeOffset now, List<OutboxEvent> events)
    {
        S.Version = version;
        S.UpdatedAt = now;
        S.Outbox = events;
        await state.WriteOrRestoreAsync(this, checkBeforeWrite: Ledger.CheckBooks, afterRestore: SeedIfNew);
        await outbox.PublishAsync(S.Outbox);
    }

    /// <summary>
    /// Lists in state are always <see cref="List{T}"/>: storage serializers that record type names
    /// (the embedded memory storage's JSON) cannot rebuild the compiler's collection-expression types.
    /// </summary>
    private static List<T> Listed<T>(IEnumerable<T> earlier, T item) => [.. earlier, item];

    private static List<T> Listed<T>(T item) => [item];

    private (long Version, DateTimeOffset Now) Next() => (S.Version + 1, clock.GetUtcNow());

    private static OutboxEvent Changed(Allocation allocation) =>
        new(AggregateTypes.FundAllocation, allocation.Id.ToString("D"), allocation.Version, OutboxEventTypes.AllocationChanged,
            OutboxJson.Serialize(AllocationIndexEntry.From(allocation)), allocation.UpdatedAt);

    private OutboxEvent Changed(FundAmendment amendment, DateTimeOffset now) =>
        new(AggregateTypes.Fund, YearText, amendment.Version, OutboxEventTypes.FundAmendmentChanged, OutboxJson.Serialize(amendment), now);

    /// <summary>
    /// The earlier result of this caller's key, if the same input was sent with it; a different input
    /// under the same key is refused. Keys are per caller: two callers never share a result.
    /// </summary>
    private Guid? Replay(Actor actor, string? idempotencyKey, string fingerprint)
    {
        if (idempotencyKey is null)
        {
            return null;
        }

        if (idempotencyKey.Length is 0 or > MaxIdempotencyKeyLength)
        {
            throw Refuse(ErrorCodes.ValidationFailed, $"An idempotency key has 1 to {MaxIdempotencyKeyLength} characters.");
        }

        if (!S.IdempotencyKeys.TryGetValue(KeyOf(actor, idempotencyKey), out var earlier))
        {
            return null;
        }

        return earlier.Fingerprint == fingerprint
            ? earlier.TargetId
            : throw Refuse(ErrorCodes.IdempotencyKeyReused, "This idempotency key was already used for a different input.",
                ("idempotencyKey", idempotencyKey));
    }

    private void Remember(Actor actor, string? idempotencyKey, string fingerprint, Guid targetId)
    {
        if (idempotencyKey is not null)
        {
            S.IdempotencyKeys[KeyOf(actor, idempotencyKey)] = new IdempotencyRecord(fingerprint[1..fingerprint.IndexOf('|', StringComparison.Ordinal)], fingerprint, targetId);
        }
    }

    private static string KeyOf(Actor actor, string idempotencyKey) => $"{actor.Subject}\u001f{idempotencyKey}";

    private static string Fingerprint(params object?[] parts) =>
        string.Join('|', parts.Select(p => p is null ? "-" : "=" + Convert.ToString(p, CultureInfo.InvariantCulture)!.Replace("|", "||", StringComparison.Ordinal)));

    /// <summary>A retried step (same actor, same step, already done) returns the allocation as it is.</summary>
    private static bool IsRetry(Allocation allocation, AllocationAction action, AllocationStatus to, Actor actor) =>
        allocation.Status == to && allocation.Steps[^1] is { } last && last.Action == action && last.Actor == actor.Describe();

    private static void RequireTransition(AllocationTransition transition, Allocation allocation)
    {
        if (!transition.From.Contains(allocation.Status))
        {
            throw Refuse(ErrorCodes.InvalidTransition,
                $"{transition.Action} is not possible for an allocation in status {allocation.Status}.",
                ("action", transition.Action.ToString()), ("status", allocation.Status.ToString()));
        }
    }

    private static void RequireEligible(FundProgrammeCode programme, Municipality municipality)
    {
        if (programme == FundProgrammeCode.NewMunicipalities && !municipality.IsNew)
        {
            throw Refuse(ErrorCodes.NotANewMunicipality,
                $"{municipality.Code} is not one of the new municipalities; NEW_MUNICIPALITIES aid goes to new municipalities only.",
                ("municipalityCode", municipality.Code), ("programme", programme.ToString()));
        }
    }

    private (int Index, Allocation Allocation) FindAllocationOrThrow(Guid allocationId)
    {
        var index = S.IsOpen ? S.Allocations.FindIndex(a => a.Id == allocationId) : -1;
        return index >= 0 ? (index, S.Allocations[index]) : throw Refuse(ErrorCodes.NotFound, "No such allocation.");
    }

    private FundProgrammeLine Line(FundProgrammeCode code) =>
        S.Programmes.FirstOrDefault(p => p.Code == code)
        ?? throw Refuse(ErrorCodes.ProgrammeNotFound, $"The {S.Year} fund has no programme {code}.", ("programme", code.ToString()), ("year", YearText));

    private void RequireOpen()
    {
        if (!S.IsOpen)
        {
            var year = this.GetPrimaryKeyLong().ToString(CultureInfo.InvariantCulture);
            throw Refuse(ErrorCodes.FundNotFound, $"There is no fund for {year}.", ("year", year));
        }
    }

    private static void RequireFundManager(Actor actor)
    {
        if (actor.Role is not (ActorRole.FundManager or ActorRole.System))
        {
            throw Refuse(ErrorCodes.NotAllowed, "Only fund managers change the fund.", ("role", actor.Role.ToString()));
        }
    }

    private static void RequirePositive(long millimes)
    {
        if (millimes <= 0)
        {
            throw Refuse(ErrorCodes.ValidationFailed, "An amount is a positive number of millimes.", ("field", "amount"), ("millimes", Text(millimes)));
        }
    }

    private static string? Reason(string? reason)
    {
        var text = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        return text is { Length: > MaxReasonLength }
            ? throw Refuse(ErrorCodes.ValidationFailed, $"A reason has at most {MaxReasonLength} characters.", ("field", "reason"))
            : text;
    }

    private static DomainException SegregationOfDuties(string what) =>
        Refuse(ErrorCodes.SegregationOfDuties, $"The fund manager who proposed this {what} cannot approve it; another fund manager must.", ("object", what));

    private string YearText => S.Year.ToString(CultureInfo.InvariantCulture);

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static DomainException Refuse(string code, string message, params (string Key, string Value)[] parameters) =>
        new(DomainError.Of(code, message, parameters));
}
