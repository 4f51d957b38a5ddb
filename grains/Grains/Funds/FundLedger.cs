using Actors.Contracts.Funds;
using Actors.Contracts.Geography;

namespace Actors.Grains.Funds;

/// <summary>
/// The fund's books, summed from its allocations every time (nothing stored can drift), and the
/// invariants every write must keep. All sums are checked long arithmetic on integer millimes.
/// </summary>
internal sealed class FundLedger(FundState state)
{
    /// <summary>Reserved, allocated, disbursed and count of one programme's allocations.</summary>
    public (long Reserved, long Allocated, long Disbursed, int Count) Totals(FundProgrammeCode programme)
    {
        long reserved = 0, allocated = 0, disbursed = 0;
        var count = 0;
        foreach (var a in state.Allocations)
        {
            if (a.Programme != programme)
            {
                continue;
            }

            reserved = checked(reserved + a.ReservedMillimes);
            allocated = checked(allocated + a.AllocatedMillimes);
            disbursed = checked(disbursed + a.DisbursedMillimes);
            count++;
        }

        return (reserved, allocated, disbursed, count);
    }

    /// <summary>API.md: available = appropriation - reserved - allocated.</summary>
    public long Available(FundProgrammeLine line)
    {
        var (reserved, allocated, _, _) = Totals(line.Code);
        return checked(line.AppropriationMillimes - reserved - allocated);
    }

    public long ProgrammedMillimes => state.Programmes.Aggregate(0L, (sum, line) => checked(sum + line.AppropriationMillimes));

    /// <summary>
    /// The invariants, checked before every write: appropriation = programmed + unprogrammed, nothing
    /// negative, no programme over its appropriation, no allocation disbursed beyond its amount. A
    /// failure here is a bug: the write is abandoned and the stored state reloaded.
    /// </summary>
    public void CheckBooks()
    {
        if (state.UnprogrammedMillimes < 0 || checked(ProgrammedMillimes + state.UnprogrammedMillimes) != state.AppropriationMillimes)
        {
            throw new InvalidOperationException(
                $"Fund {state.Year}: appropriation {state.AppropriationMillimes} != programmed {ProgrammedMillimes} + unprogrammed {state.UnprogrammedMillimes}.");
        }

        foreach (var line in state.Programmes)
        {
            if (line.AppropriationMillimes < 0 || Available(line) < 0)
            {
                throw new InvalidOperationException($"Fund {state.Year}: programme {line.Code} is overdrawn.");
            }
        }

        foreach (var a in state.Allocations)
        {
            if (a.AmountMillimes <= 0 || a.DisbursedMillimes < 0 || a.DisbursedMillimes > a.AmountMillimes)
            {
                throw new InvalidOperationException($"Fund {state.Year}: allocation {a.Id} disburses beyond its amount.");
            }
        }
    }

    public FundView View()
    {
        var programmes = state.Programmes.Select(line =>
        {
            var (reserved, allocated, disbursed, count) = Totals(line.Code);
            return new FundProgrammeView(state.Year, line.Code, line.NameAr, line.NameFr, line.InitialAppropriationMillimes,
                line.AppropriationMillimes, reserved, allocated, disbursed, checked(line.AppropriationMillimes - reserved - allocated), count);
        }).ToList();

        var byGovernorate = Governorates.All.Select(g =>
        {
            long reserved = 0, allocated = 0, disbursed = 0;
            var count = 0;
            foreach (var a in state.Allocations.Where(a => a.Governorate == g.Code))
            {
                reserved = checked(reserved + a.ReservedMillimes);
                allocated = checked(allocated + a.AllocatedMillimes);
                disbursed = checked(disbursed + a.DisbursedMillimes);
                count++;
            }

            return new FundGovernorateRollup(g.Code, count, reserved, allocated, disbursed);
        }).ToList();

        return new FundView(
            state.Year,
            state.AppropriationMillimes,
            ProgrammedMillimes,
            state.UnprogrammedMillimes,
            programmes.Aggregate(0L, (sum, p) => checked(sum + p.ReservedMillimes)),
            programmes.Aggregate(0L, (sum, p) => checked(sum + p.AllocatedMillimes)),
            programmes.Aggregate(0L, (sum, p) => checked(sum + p.DisbursedMillimes)),
            programmes.Aggregate(0L, (sum, p) => checked(sum + p.AvailableMillimes)),
            programmes,
            byGovernorate,
            state.Allocations.Count,
            state.Source,
            state.OpenedAt,
            state.UpdatedAt,
            state.Version);
    }
}
