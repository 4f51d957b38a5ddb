using Actors.Contracts.Errors;
using Actors.Contracts.Funds;
using Actors.Contracts.Funds.Events;
using Actors.Contracts.Identity;
using Actors.Contracts.Naming;
using Actors.Contracts.Outbox;

namespace Actors.Grains.Funds;

/// <summary>
/// The appropriation amendments of one fund year, by <see cref="AmendmentTransitions"/>: each step
/// checks, applies itself to the state and returns the event that says what happened (null when the
/// call was a retry). An approved amendment moves appropriation between lines; the total never changes.
/// </summary>
internal sealed class AmendmentBook(FundState state, long year, IdempotencyLedger keys)
{
    public (FundAmendment Amendment, IDomainEvent? Happened) Propose(Actor actor, AmendmentProposal proposal, long version, DateTimeOffset now)
    {
        var op = FundOperations.ProposeAmendment;
        FundChecks.RequireOpen(op, state, year);
        FundChecks.RequireFundManager(op, actor);
        var reason = FundChecks.Reason(op, proposal.Reason);
        var input = proposal with { Reason = reason, IdempotencyKey = null };
        if (keys.Replay(op, actor, proposal.IdempotencyKey, input, now) is { } earlier)
        {
            return (state.Amendments.First(a => a.Id == earlier), null);
        }

        FundChecks.RequirePositive(op, proposal.AmountMillimes);
        if (proposal.From == proposal.To)
        {
            throw op.Refuse(ErrorCodes.ValidationFailed, "An amendment moves money between two different lines (a programme or the unprogrammed remainder).");
        }

        foreach (var line in new[] { proposal.From, proposal.To }.OfType<FundProgrammeCode>())
        {
            FundChecks.Line(op, state, line);
        }

        if (reason is null)
        {
            throw op.Refuse(ErrorCodes.ReasonRequired, "An amendment needs a reason.", ("action", op.Name));
        }

        RequireSource(op, proposal.From, proposal.AmountMillimes);
        var amendment = new FundAmendment(Guid.NewGuid(), state.Year, proposal.From, proposal.To, proposal.AmountMillimes,
            AmendmentStatus.Proposed, reason, actor.Subject, actor.Describe(), now, null, null, null, version);
        state.Amendments.Add(amendment);
        keys.Remember(op, actor, proposal.IdempotencyKey, input, amendment.Id, now);
        return (amendment, new AmendmentProposed(actor.Describe(), version, now, amendment));
    }

    public (FundAmendment Amendment, IDomainEvent? Happened) Decide(Actor actor, AmendmentDecision decision, long version, DateTimeOffset now)
    {
        var action = decision.Approve ? AmendmentAction.Approve : AmendmentAction.Reject;
        var op = FundOperations.For(action);
        FundChecks.RequireFundManager(op, actor);
        var index = state.IsOpen ? state.Amendments.FindIndex(a => a.Id == decision.AmendmentId) : -1;
        var amendment = index >= 0 ? state.Amendments[index] : throw op.Refuse(ErrorCodes.NotFound, "No such amendment.");
        var reason = FundChecks.Reason(op, decision.Reason);
        var transition = AmendmentTransitions.For(action);
        var by = actor.Describe();
        if (amendment.Status == transition.To && actor.IsDescribedBy(amendment.DecidedBy))
        {
            return (amendment, null);
        }

        if (!transition.From.Contains(amendment.Status))
        {
            throw op.Refuse(ErrorCodes.InvalidTransition, $"The amendment is already {SchemaText.Of(amendment.Status)}.",
                ("action", SchemaText.Of(action)), ("status", SchemaText.Of(amendment.Status)));
        }

        if (transition.ReasonRequired && reason is null)
        {
            throw op.Refuse(ErrorCodes.ReasonRequired, $"{SchemaText.Of(action)} needs a reason.", ("action", SchemaText.Of(action)));
        }

        if (action == AmendmentAction.Approve)
        {
            if (amendment.ProposerSubject == actor.Subject)
            {
                throw FundChecks.SegregationOfDuties(op, "amendment");
            }

            // Money may have moved since the proposal: check the source again, now, in this turn.
            RequireSource(op, amendment.From, amendment.AmountMillimes);
            Move(amendment.From, amendment.To, amendment.AmountMillimes);
        }

        var decided = amendment with { Status = transition.To, DecidedBy = by, DecidedAt = now, DecisionReason = reason, Version = version };
        state.Amendments[index] = decided;
        IDomainEvent happened = action == AmendmentAction.Approve
            ? new AmendmentApproved(by, version, now, decided)
            : new AmendmentRejected(by, version, now, decided);
        return (decided, happened);
    }

    /// <summary>The source of an amendment must have the amount free: unprogrammed, or available on the programme.</summary>
    private void RequireSource(DomainOperation op, FundProgrammeCode? from, long millimes)
    {
        if (from is { } programme)
        {
            FundChecks.RequireAvailable(op, state, FundChecks.Line(op, state, programme), millimes);
        }
        else if (millimes > state.UnprogrammedMillimes)
        {
            throw op.Refuse(ErrorCodes.UnprogrammedExceeded,
                $"Only {SchemaText.Dinars(state.UnprogrammedMillimes)} dinars are unprogrammed; {SchemaText.Dinars(millimes)} asked.",
                ("requestedDinars", SchemaText.Dinars(millimes)), ("unprogrammedDinars", SchemaText.Dinars(state.UnprogrammedMillimes)));
        }
    }

    /// <summary>Applies an approved amendment: the total appropriation stays, the lines move.</summary>
    private void Move(FundProgrammeCode? from, FundProgrammeCode? to, long millimes)
    {
        Shift(from, -millimes);
        Shift(to, millimes);

        void Shift(FundProgrammeCode? line, long delta)
        {
            if (line is not { } code)
            {
                state.UnprogrammedMillimes = checked(state.UnprogrammedMillimes + delta);
                return;
            }

            var i = state.Programmes.FindIndex(p => p.Code == code);
            state.Programmes[i] = state.Programmes[i] with { AppropriationMillimes = checked(state.Programmes[i].AppropriationMillimes + delta) };
        }
    }
}
