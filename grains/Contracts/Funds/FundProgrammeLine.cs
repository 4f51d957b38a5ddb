namespace Actors.Contracts.Funds;

/// <summary>
/// One programme line of a fund year: its names and its appropriation in millimes. The initial
/// appropriation is the voted one; only approved amendments move <see cref="AppropriationMillimes"/>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record FundProgrammeLine(
    [property: Id(0)] FundProgrammeCode Code,
    [property: Id(1)] string NameAr,
    [property: Id(2)] string NameFr,
    [property: Id(3)] long AppropriationMillimes,
    [property: Id(4)] long InitialAppropriationMillimes);
