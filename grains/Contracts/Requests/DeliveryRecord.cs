namespace Actors.Contracts.Requests;

/// <summary>How a card was handed over: at a center with the identity check the agent recorded, or at the pupil's school.</summary>
[GenerateSerializer, Immutable]
public sealed record DeliveryRecord(
    [property: Id(0)] DeliveryChannel Channel,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string By,
    [property: Id(3)] string? CenterId,
    [property: Id(4)] IdentityCheck? IdentityCheck,
    [property: Id(5)] string? SchoolCode);
