namespace Actors.Contracts.Campaigns;

/// <summary>What happened at the school: the cards handed to pupils and those brought back. Every card of the round once.</summary>
[GenerateSerializer, Immutable]
public sealed record SchoolHandover(
    [property: Id(0)] IReadOnlyList<Guid> Delivered,
    [property: Id(1)] IReadOnlyList<SchoolDeliveryReturn> Returned);
