namespace Actors.Contracts.Centers;

[GenerateSerializer, Immutable]
public sealed record ServiceCenterView(
    [property: Id(0)] ServiceCenterProfile Profile,
    [property: Id(1)] RolloutPhase Phase,
    [property: Id(2)] CenterReadiness Readiness,
    [property: Id(3)] DateTimeOffset RegisteredAt,
    [property: Id(4)] DateTimeOffset UpdatedAt,
    [property: Id(5)] long Version)
{
    public string Code => Profile.Code;

    /// <summary>Centers in PILOT or LIVE take bookings and new requests (API.md).</summary>
    public bool TakesRequests => Phase is RolloutPhase.Pilot or RolloutPhase.Live;

    public bool Offers(CenterService service) => Profile.Services.Contains(service);
}
