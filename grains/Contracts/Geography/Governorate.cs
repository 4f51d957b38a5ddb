namespace Actors.Contracts.Geography;

/// <summary>One of Tunisia's 24 governorates. Code is the stable SCREAMING_CASE key used everywhere.</summary>
[GenerateSerializer, Immutable]
public sealed record Governorate(
    [property: Id(0)] string Code,
    [property: Id(1)] string IsoCode,
    [property: Id(2)] string NameAr,
    [property: Id(3)] string NameFr);
