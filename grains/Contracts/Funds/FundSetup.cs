namespace Actors.Contracts.Funds;

/// <summary>
/// What opens a fund year: the total appropriation and the programme lines. Whatever the lines do
/// not cover is the unprogrammed remainder, shown as such and never spread over the lines.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record FundSetup(
    [property: Id(0)] long AppropriationMillimes,
    [property: Id(1)] IReadOnlyList<FundProgrammeLine> Programmes,
    [property: Id(2)] string Source);
