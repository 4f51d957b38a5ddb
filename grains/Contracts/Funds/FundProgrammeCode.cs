namespace Actors.Contracts.Funds;

/// <summary>The fund's programme lines (DOMAIN.md §4). GraphQL: ROADS, NEW_MUNICIPALITIES, ...</summary>
public enum FundProgrammeCode
{
    Roads,
    NewMunicipalities,
    Markets,
    Dumps,
    Neighbourhoods,
    GreenSpaces,
    WasteSystem,
}
