using Actors.Contracts.Identity;

namespace Actors.Contracts.Campaigns;

/// <summary>One row of <see cref="SchoolDeliveryTransitions"/>: this step, from these statuses, to that one, by these roles.</summary>
[GenerateSerializer, Immutable]
public sealed record SchoolDeliveryTransition(
    [property: Id(0)] SchoolDeliveryAction Action,
    [property: Id(1)] IReadOnlySet<SchoolDeliveryRoundStatus> From,
    [property: Id(2)] SchoolDeliveryRoundStatus To,
    [property: Id(3)] IReadOnlySet<ActorRole> Roles);
