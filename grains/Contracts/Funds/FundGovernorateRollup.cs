namespace Actors.Contracts.Funds;

/// <summary>The fund's allocations summed over the municipalities of one governorate.</summary>
[GenerateSerializer, Immutable]
public sealed record FundGovernorateRollup(
    [property: Id(0)] string Governorate,
    [property: Id(1)] int AllocationCount,
    [property: Id(2)] long ReservedMillimes,
    [property: Id(3)] long AllocatedMillimes,
    [property: Id(4)] long DisbursedMillimes);
