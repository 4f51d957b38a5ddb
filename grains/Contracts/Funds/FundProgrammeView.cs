namespace Actors.Contracts.Funds;

/// <summary>A programme line with its money (API.md: available = appropriation - reserved - allocated).</summary>
[GenerateSerializer, Immutable]
public sealed record FundProgrammeView(
    [property: Id(0)] int Year,
    [property: Id(1)] FundProgrammeCode Code,
    [property: Id(2)] string NameAr,
    [property: Id(3)] string NameFr,
    [property: Id(4)] long InitialAppropriationMillimes,
    [property: Id(5)] long AppropriationMillimes,
    [property: Id(6)] long ReservedMillimes,
    [property: Id(7)] long AllocatedMillimes,
    [property: Id(8)] long DisbursedMillimes,
    [property: Id(9)] long AvailableMillimes,
    [property: Id(10)] int AllocationCount);
