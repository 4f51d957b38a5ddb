namespace Actors.Contracts.Centers;

/// <summary>What registers a center (also the demo data's shape).</summary>
[GenerateSerializer, Immutable]
public sealed record ServiceCenterProfile(
    [property: Id(0)] string Code,
    [property: Id(1)] string NameAr,
    [property: Id(2)] string NameFr,
    [property: Id(3)] string Governorate,
    [property: Id(4)] string District,
    [property: Id(5)] CenterKind Kind,
    [property: Id(6)] IReadOnlyList<CenterService> Services,
    [property: Id(7)] int DailyCapacity,
    [property: Id(8)] bool IsDemo);
