using Actors.Contracts.Errors;
using Actors.Contracts.Funds;
using Actors.Contracts.Funds.Events;
using Actors.Contracts.Identity;
using Actors.Contracts.Naming;
using Actors.Contracts.Outbox;

namespace Actors.Grains.Funds;

/// <summary>
/// The allocations of one fund year: each step checks (role, table, money), then applies itself to
/// the state with its recorded step and returns the event that says what happened (null when the call
/// was a retry and nothing changed). The fund grain persists and publishes.
/// </summary>
internal sealed class AllocationBook(FundState state, long year, IdempotencyLedger keys, Func<string, Task<Municipality?>> findMunicipality)
{
    public async Task<(Allocation Allocation, IDomainEvent? Happened)> Propose(Actor actor, AllocationProposal proposal, long version, DateTimeOffset now)
    {
        var op = FundOperations.AllocateFunds;
        FundChecks.RequireOpen(op, state, year);
        FundChecks.RequireFundManager(op, actor);
        var reason = FundChecks.Reason(op, proposal.Reason);
        var input = proposal with { Reason = reason, IdempotencyKey = null };
        if (keys.Replay(op, actor, proposal.IdempotencyKey, input, now) is { } earlier)
        {
            return (state.Allocations.First(a => a.Id == earlier), null);
        }

        FundChecks.RequirePositive(op, proposal.AmountMillimes);
        var line = FundChecks.Line(op, state, proposal.Programme);
        var municipality = await Municipality(op, proposal.MunicipalityCode);
        RequireEligible(op, line.Code, municipality);

        // The check and the write that follows are one turn of the fund grain: nothing can slip in between.
        FundChecks.RequireAvailable(op, state, line, proposal.AmountMillimes);
        var by = actor.Describe();
        var allocation = new Allocation(
            Guid.NewGuid(), state.Year, line.Code, municipality.Code, municipality.NameAr, municipality.NameFr, municipality.Governorate,
            proposal.AmountMillimes, 0, AllocationStatus.Proposed, reason, actor.Subject, by, now, now, version,
            new List<AllocationStep> { new(version, AllocationAction.Propose, AllocationStatus.Proposed, now, by, reason, proposal.AmountMillimes) },
            new List<Disbursement>());
        state.Allocations.Add(allocation);
        keys.Remember(op, actor, proposal.IdempotencyKey, input, allocation.Id, now);
        return (allocation, new AllocationProposed(by, version, now, allocation));
    }

    /// <summary>approveAllocation, commitAllocation, closeAllocation, cancelAllocation.</summary>
    public async Task<(Allocation Allocation, IDomainEvent? Happened)> Step(Actor actor, AllocationCommand command, long version, DateTimeOffset now)
    {
        var op = FundOperations.For(command.Action);
        FundChecks.RequireFundManager(op, actor);
        if (command.Action is AllocationAction.Propose or AllocationAction.Disburse)
        {
            throw op.Refuse(ErrorCodes.ValidationFailed, $"{SchemaText.Of(command.Action)} has its own mutation.", ("action", SchemaText.Of(command.Action)));
        }

        var (index, allocation) = Find(op, command.AllocationId);
        var reason = FundChecks.Reason(op, command.Reason);
        var to = AllocationTransitions.Target(command.Action);
        if (IsRetry(allocation, command.Action, to, actor))
        {
            return (allocation, null);
        }

        var transition = AllocationTransitions.For(command.Action);
        RequireTransition(op, transition, allocation);
        if (transition.ReasonRequired && reason is null)
        {
            throw op.Refuse(ErrorCodes.ReasonRequired, $"{SchemaText.Of(command.Action)} needs a reason.", ("action", SchemaText.Of(command.Action)));
        }

        if (command.Action == AllocationAction.Approve)
        {
            if (allocation.ProposerSubject == actor.Subject)
            {
                throw FundChecks.SegregationOfDuties(op, "allocation");
            }

            // Municipalities can be re-imported between proposal and approval: check eligibility again.
            if (allocation.Programme == FundProgrammeCode.NewMunicipalities)
            {
                RequireEligible(op, allocation.Programme, await Municipality(op, allocation.MunicipalityCode));
            }
        }

        var returned = command.Action == AllocationAction.Cancel ? allocation.UndisbursedMillimes : (long?)null;
        var by = actor.Describe();
        var updated = allocation with
        {
            Status = to,
            UpdatedAt = now,
            Version = version,
            Steps = FundChecks.Listed(allocation.Steps, new AllocationStep(version, command.Action, to, now, by, reason, returned)),
        };
        state.Allocations[index] = updated;
        IDomainEvent happened = command.Action switch
        {
            AllocationAction.Approve => new AllocationApproved(by, version, now, updated),
            AllocationAction.Commit => new AllocationCommitted(by, version, now, updated),
            AllocationAction.Close => new AllocationClosed(by, version, now, updated),
            _ => new AllocationCancelled(by, version, now, updated),
        };
        return (updated, happened);
    }

    public (Allocation Allocation, IDomainEvent? Happened) Disburse(Actor actor, DisbursementOrder order, long version, DateTimeOffset now)
    {
        var op = FundOperations.DisburseAllocation;
        FundChecks.RequireFundManager(op, actor);
        var (index, allocation) = Find(op, order.AllocationId);
        var reason = FundChecks.Reason(op, order.Reason);
        var input = order with { Reason = reason, IdempotencyKey = null };
        if (keys.Replay(op, actor, order.IdempotencyKey, input, now) is not null)
        {
            return (allocation, null);
        }

        FundChecks.RequirePositive(op, order.AmountMillimes);
        RequireTransition(op, AllocationTransitions.For(AllocationAction.Disburse), allocation);
        var remaining = allocation.AmountMillimes - allocation.DisbursedMillimes;
        if (order.AmountMillimes > remaining)
        {
            throw op.Refuse(ErrorCodes.DisbursementExceedsAllocation,
                $"Only {SchemaText.Dinars(remaining)} dinars of this allocation are left to disburse; {SchemaText.Dinars(order.AmountMillimes)} asked.",
                ("requestedDinars", SchemaText.Dinars(order.AmountMillimes)), ("remainingDinars", SchemaText.Dinars(remaining)));
        }

        var by = actor.Describe();
        var disbursed = allocation.DisbursedMillimes + order.AmountMillimes;
        var to = AllocationTransitions.Target(AllocationAction.Disburse, fullyDisbursed: disbursed == allocation.AmountMillimes);
        var updated = allocation with
        {
            DisbursedMillimes = disbursed,
            Status = to,
            UpdatedAt = now,
            Version = version,
            Steps = FundChecks.Listed(allocation.Steps, new AllocationStep(version, AllocationAction.Disburse, to, now, by, reason, order.AmountMillimes)),
            Disbursements = FundChecks.Listed(allocation.Disbursements, new Disbursement(Guid.NewGuid(), order.AmountMillimes, now, by, reason)),
        };
        state.Allocations[index] = updated;
        keys.Remember(op, actor, order.IdempotencyKey, input, updated.Id, now);
        return (updated, new AllocationDisbursed(by, version, now, updated));
    }

    /// <summary>A retried step (same actor, same step, already done) returns the allocation as it is.</summary>
    private static bool IsRetry(Allocation allocation, AllocationAction action, AllocationStatus to, Actor actor) =>
        allocation.Status == to && allocation.Steps[^1] is { } last && last.Action == action && actor.IsDescribedBy(last.Actor);

    private static void RequireTransition(DomainOperation op, AllocationTransition transition, Allocation allocation)
    {
        if (!transition.From.Contains(allocation.Status))
        {
            throw op.Refuse(ErrorCodes.InvalidTransition,
                $"{SchemaText.Of(transition.Action)} is not possible for an allocation in status {SchemaText.Of(allocation.Status)}.",
                ("action", SchemaText.Of(transition.Action)), ("status", SchemaText.Of(allocation.Status)));
        }
    }

    private static void RequireEligible(DomainOperation op, FundProgrammeCode programme, Municipality municipality)
    {
        if (programme == FundProgrammeCode.NewMunicipalities && !municipality.IsNew)
        {
            throw op.Refuse(ErrorCodes.NotANewMunicipality,
                $"{municipality.Code} is not one of the new municipalities; {SchemaText.Of(programme)} aid goes to new municipalities only.",
                ("municipalityCode", municipality.Code), ("programme", SchemaText.Of(programme)));
        }
    }

    private async Task<Municipality> Municipality(DomainOperation op, string code) =>
        await findMunicipality(code)
        ?? throw op.Refuse(ErrorCodes.MunicipalityNotFound, $"No municipality {code}.", ("municipalityCode", code));

    private (int Index, Allocation Allocation) Find(DomainOperation op, Guid allocationId)
    {
        var index = state.IsOpen ? state.Allocations.FindIndex(a => a.Id == allocationId) : -1;
        return index >= 0 ? (index, state.Allocations[index]) : throw op.Refuse(ErrorCodes.NotFound, "No such allocation.");
    }
}
