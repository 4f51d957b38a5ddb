using Actors.Contracts.Centers;

namespace Actors.Contracts.Scheduling;

/// <summary>Open desks of one category: a model office counts its administrative and judicial desks apart.</summary>
[GenerateSerializer, Immutable]
public sealed record CategoryDesks(
    [property: Id(0)] ServiceCategory Category,
    [property: Id(1)] int Desks);
