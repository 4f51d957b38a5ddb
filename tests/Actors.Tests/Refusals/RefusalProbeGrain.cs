using Actors.Contracts.Errors;
using Actors.Contracts.Naming;
using Actors.Contracts.Outbox;
using Actors.Grains.Steps;

namespace Actors.Tests.Refusals;

public sealed class RefusalProbeGrain : Grain, IRefusalProbeGrain
{
    public const string StateName = "refusal-probe";

    private readonly GrainSteps<RefusalProbeState> steps;

    public RefusalProbeGrain(
        [PersistentState(StateName, StorageNames.Domain)] IPersistentState<RefusalProbeState> state,
        IOutboxPublisher outbox,
        TimeProvider clock) =>
        steps = new GrainSteps<RefusalProbeState>(state, this, outbox, clock, StateName);

    /// <summary>Declares NOT_ALLOWED only.</summary>
    public static DomainOperation Operation { get; } = new("probeRefusal", ErrorCodes.NotAllowed);

    public Task RefuseInsideSteps(string code) =>
        steps.Run<bool>(Operation, () => throw new DomainException(DomainError.Of(code, "A refusal built by hand.")));

    public Task RefuseThroughOperation(string code) =>
        steps.Run<bool>(Operation, () => throw Operation.Refuse(code, "A refusal through the operation."));
}
