namespace Actors.Contracts.Funds.Index;

/// <summary>What the fund's use can be grouped by: the programme line, the municipality's governorate.</summary>
public enum AllocationDimension
{
    Programme,
    Governorate,
}
