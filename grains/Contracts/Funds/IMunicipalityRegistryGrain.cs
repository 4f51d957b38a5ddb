using Actors.Contracts.Identity;
using Orleans.Concurrency;

namespace Actors.Contracts.Funds;

/// <summary>
/// The municipalities, kept by one grain (key <see cref="Key"/>): a few hundred rows, read whole
/// for lists and one by one by the fund grains when they check a beneficiary.
/// </summary>
public interface IMunicipalityRegistryGrain : IGrainWithIntegerKey
{
    public const long Key = 0;

    /// <summary>Upserts rows by code (FUND_MANAGER, OPERATOR or SYSTEM); bad rows are reported, good rows applied.</summary>
    Task<MunicipalityImportResult> Import(Actor actor, IReadOnlyList<MunicipalityImportRow> rows, string source);

    [ReadOnly]
    Task<Municipality?> Find(string code);

    [ReadOnly]
    Task<IReadOnlyList<Municipality>> List();
}
