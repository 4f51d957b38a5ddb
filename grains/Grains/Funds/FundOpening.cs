using Actors.Contracts.Errors;
using Actors.Contracts.Funds;
using Actors.Contracts.Identity;
using Actors.Contracts.Naming;

namespace Actors.Grains.Funds;

/// <summary>
/// Opening a fund year: by a fund manager (or SYSTEM) with its appropriation and programme lines, or
/// from the seeds for the years that exist from the start (<see cref="FundSeeds"/>).
/// </summary>
internal sealed class FundOpening(FundState state, long year)
{
    private static DomainOperation Operation => FundOperations.OpenFund;

    /// <summary>Opens the year; false when it was already open with this very setup (a retry changes nothing).</summary>
    public bool Open(Actor actor, FundSetup setup, long version, DateTimeOffset now)
    {
        FundChecks.RequireFundManager(Operation, actor);
        if (state.IsOpen)
        {
            return SameSetup(setup)
                ? false
                : throw Operation.Refuse(ErrorCodes.FundAlreadyOpen, $"The {SchemaText.Number(year)} fund is already open with other appropriations.",
                    ("year", SchemaText.Number(year)));
        }

        if (year is < 2000 or > 2100)
        {
            throw Operation.Refuse(ErrorCodes.ValidationFailed, "A fund year is between 2000 and 2100.", ("field", "year"), ("year", SchemaText.Number(year)));
        }

        Validate(setup);
        Apply(setup, actor.Describe(), now);
        state.Version = version;
        return true;
    }

    /// <summary>A seeded year exists before anyone writes it; its first step persists it.</summary>
    public void SeedIfNew(bool recordExists)
    {
        if (!recordExists && !state.IsOpen && FundSeeds.For(year) is { } setup)
        {
            Apply(setup, FundSeeds.OpenedBy, FundSeeds.OpenedAt2026);
        }
    }

    private void Apply(FundSetup setup, string openedBy, DateTimeOffset at)
    {
        state.Year = (int)year;
        state.IsOpen = true;
        state.AppropriationMillimes = setup.AppropriationMillimes;
        state.Programmes = setup.Programmes.Select(p => p with { InitialAppropriationMillimes = p.AppropriationMillimes }).ToList();
        state.UnprogrammedMillimes = setup.AppropriationMillimes - setup.Programmes.Sum(p => p.AppropriationMillimes);
        state.Source = setup.Source;
        state.OpenedBy = openedBy;
        state.OpenedAt = at;
        state.UpdatedAt = at;
    }

    private static void Validate(FundSetup setup)
    {
        if (setup.AppropriationMillimes <= 0 || setup.Programmes.Count == 0
            || setup.Programmes.Select(p => p.Code).Distinct().Count() != setup.Programmes.Count
            || setup.Programmes.Any(p => p.AppropriationMillimes < 0 || string.IsNullOrWhiteSpace(p.NameAr) || string.IsNullOrWhiteSpace(p.NameFr))
            || setup.Programmes.Aggregate(0L, (sum, p) => checked(sum + p.AppropriationMillimes)) > setup.AppropriationMillimes)
        {
            throw Operation.Refuse(ErrorCodes.ValidationFailed,
                "A fund has a positive appropriation and distinct, named programme lines whose sum does not exceed it.");
        }
    }

    private bool SameSetup(FundSetup setup) =>
        setup.AppropriationMillimes == state.AppropriationMillimes
        && setup.Programmes.Count == state.Programmes.Count
        && setup.Programmes.Zip(state.Programmes).All(p =>
            p.First.Code == p.Second.Code && p.First.NameAr == p.Second.NameAr && p.First.NameFr == p.Second.NameFr
            && p.First.AppropriationMillimes == p.Second.InitialAppropriationMillimes);
}
