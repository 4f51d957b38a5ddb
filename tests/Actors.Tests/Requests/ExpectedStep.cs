using Actors.Contracts.Requests;

namespace Actors.Tests.Requests;

/// <summary>One row of the expected state machine: a step, the pathways and statuses it leaves from, where it leads, who may take it.</summary>
public sealed record ExpectedStep(RequestAction Action, RequestKind[] Kinds, RequestStatus[] From, RequestStatus To, StepTaker[] TakenBy)
{
    public bool Allows(RequestKind kind, RequestStatus status) => Kinds.Contains(kind) && From.Contains(status);
}
