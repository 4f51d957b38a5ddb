using Actors.Contracts.Funds;
using Actors.Contracts.Identity;
using Actors.Contracts.Naming;
using Actors.Contracts.Outbox;
using Actors.Grains.Steps;

namespace Actors.Grains.Funds;

/// <summary>
/// One fund year: a thin shell over its parts (<see cref="FundOpening"/>, <see cref="AllocationBook"/>,
/// <see cref="AmendmentBook"/>, <see cref="IdempotencyLedger"/>, the books' sums in <see cref="FundLedger"/>).
/// Each call runs one step through <see cref="GrainSteps{TState}"/>: the part checks and applies, the books
/// are checked, the state and its event are written once, then published. The grain is not reentrant,
/// so a check and the write that follows it happen without any other call in between: hundreds of
/// concurrent allocateFunds calls are served one after the other and none can overdraw.
/// </summary>
public sealed class FundGrain : Grain, IFundGrain
{
    private readonly IPersistentState<FundState> state;
    private readonly GrainSteps<FundState> steps;

    public FundGrain(
        [PersistentState(StorageNames.FundState, StorageNames.Domain)] IPersistentState<FundState> state,
        IOutboxPublisher outbox,
        TimeProvider clock)
    {
        this.state = state;
        steps = new GrainSteps<FundState>(state, this, outbox, clock, AggregateTypes.Fund);
    }

    private FundState S => state.State;

    private long Year => this.GetPrimaryKeyLong();

    private IdempotencyLedger Keys => new(S.IdempotencyKeys);

    private AllocationBook Allocations => new(S, Year, Keys,
        code => GrainFactory.Reference<IMunicipalityRegistryGrain>(IMunicipalityRegistryGrain.Key).Find(code));

    private AmendmentBook Amendments => new(S, Year, Keys);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        SeedIfNew();
        return Task.CompletedTask;
    }

    public Task<FundView> Open(Actor actor, FundSetup setup) => steps.Run(FundOperations.OpenFund, async () =>
    {
        var (version, now) = steps.Next();
        if (new FundOpening(S, Year).Open(actor, setup, version, now))
        {
            await steps.Commit(Key, [], new FundLedger(S).CheckBooks, SeedIfNew);
        }

        return new FundLedger(S).View();
    });

    public Task<FundView?> Find() => Task.FromResult(S.IsOpen ? new FundLedger(S).View() : null);

    public Task<Allocation> Allocate(Actor actor, AllocationProposal proposal) =>
        steps.Run(FundOperations.AllocateFunds, async () =>
        {
            var (version, now) = steps.Next();
            return await Commit(await Allocations.Propose(actor, proposal, version, now));
        });

    public Task<Allocation> Perform(Actor actor, AllocationCommand command) =>
        steps.Run(FundOperations.For(command.Action), async () =>
        {
            var (version, now) = steps.Next();
            return await Commit(await Allocations.Step(actor, command, version, now));
        });

    public Task<Allocation> Disburse(Actor actor, DisbursementOrder order) =>
        steps.Run(FundOperations.DisburseAllocation, async () =>
        {
            var (version, now) = steps.Next();
            return await Commit(Allocations.Disburse(actor, order, version, now));
        });

    public Task<Allocation?> FindAllocation(Guid allocationId) =>
        Task.FromResult(S.IsOpen ? S.Allocations.FirstOrDefault(a => a.Id == allocationId) : null);

    public Task<IReadOnlyList<Allocation>> GetAllocations(IReadOnlyList<Guid> allocationIds)
    {
        var wanted = allocationIds.ToHashSet();
        var byId = S.Allocations.Where(a => wanted.Contains(a.Id)).ToDictionary(a => a.Id);
        IReadOnlyList<Allocation> found = allocationIds.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
        return Task.FromResult(found);
    }

    public Task<FundAmendment> ProposeAmendment(Actor actor, AmendmentProposal proposal) =>
        steps.Run(FundOperations.ProposeAmendment, async () =>
        {
            var (version, now) = steps.Next();
            return await Commit(Amendments.Propose(actor, proposal, version, now));
        });

    public Task<FundAmendment> DecideAmendment(Actor actor, AmendmentDecision decision) =>
        steps.Run(FundOperations.For(decision.Approve ? AmendmentAction.Approve : AmendmentAction.Reject), async () =>
        {
            var (version, now) = steps.Next();
            return await Commit(Amendments.Decide(actor, decision, version, now));
        });

    public Task<FundAmendment?> FindAmendment(Guid amendmentId) =>
        Task.FromResult(S.IsOpen ? S.Amendments.FirstOrDefault(a => a.Id == amendmentId) : null);

    private string Key => SchemaText.Number(Year);

    /// <summary>Persists a step that happened (books checked first), then publishes it; a retry that changed nothing writes nothing.</summary>
    private async Task<T> Commit<T>((T Result, IDomainEvent? Happened) step)
    {
        if (step.Happened is { } happened)
        {
            S.UpdatedAt = happened.At;
            await steps.Commit(Key, [happened], new FundLedger(S).CheckBooks, SeedIfNew);
        }

        return step.Result;
    }

    private void SeedIfNew() => new FundOpening(S, Year).SeedIfNew(state.RecordExists);
}
