namespace Actors.Contracts.Funds.Index;

/// <summary>
/// The sums over a set of allocations, as the fund counts them (<see cref="Allocation"/>): every allocation counted,
/// cancelled ones included; the distinct municipalities they go to; reserved, allocated and disbursed in millimes.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AllocationFigures(
    [property: Id(0)] int Allocations,
    [property: Id(1)] int Municipalities,
    [property: Id(2)] long ReservedMillimes,
    [property: Id(3)] long AllocatedMillimes,
    [property: Id(4)] long DisbursedMillimes)
{
    public static AllocationFigures Zero { get; } = new(0, 0, 0, 0, 0);

    /// <summary>The figures of some entries, summed with checked arithmetic.</summary>
    public static AllocationFigures Of(IReadOnlyCollection<AllocationIndexEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        long reserved = 0, allocated = 0, disbursed = 0;
        foreach (var entry in entries)
        {
            reserved = checked(reserved + entry.ReservedMillimes);
            allocated = checked(allocated + entry.AllocatedMillimes);
            disbursed = checked(disbursed + entry.DisbursedMillimes);
        }

        var municipalities = entries.Select(e => e.MunicipalityCode).Distinct(StringComparer.Ordinal).Count();
        return new AllocationFigures(entries.Count, municipalities, reserved, allocated, disbursed);
    }
}
