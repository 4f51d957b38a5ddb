namespace Actors.Contracts.Campaigns;

/// <summary>
/// One card of a round: the request, what the school needs to find the pupil (given name, grade), and once handed
/// over its outcome (<see cref="Outcome"/>, with <see cref="ReturnReason"/> for a card brought back).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SchoolDeliveryCard(
    [property: Id(0)] Guid RequestId,
    [property: Id(1)] string Reference,
    [property: Id(2)] string GivenName,
    [property: Id(3)] string? Grade,
    [property: Id(4)] SchoolDeliveryOutcome? Outcome = null,
    [property: Id(5)] string? ReturnReason = null);
