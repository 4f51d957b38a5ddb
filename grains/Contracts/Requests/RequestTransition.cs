using Actors.Contracts.Identity;

namespace Actors.Contracts.Requests;

/// <summary>One row of the state machine: which kinds, from which statuses, to which status, by whom.</summary>
public sealed record RequestTransition(
    RequestAction Action,
    IReadOnlySet<RequestKind> Kinds,
    IReadOnlySet<RequestStatus> From,
    RequestStatus To,
    IReadOnlySet<ActorRole> Roles,
    bool OwnerMayAct,
    bool ReasonRequired);
