using Actors.Contracts.Funds;
using Actors.Contracts.Naming;

namespace Actors.Api.Funds;

/// <summary>
/// Per-operation cache of fund years and of the municipality list: a page of 50 allocations asking
/// for their programme and municipality costs one fund call and one registry call, not 100.
/// Mutations forget the year they changed, so their payloads read the new totals.
/// </summary>
public sealed class FundLookup(IGrainFactory grains)
{
    private readonly Dictionary<int, Task<FundView?>> _funds = [];
    private readonly Lock _gate = new();
    private Task<Dictionary<string, Municipality>>? _municipalities;

    public Task<FundView?> Fund(int year)
    {
        lock (_gate)
        {
            if (!_funds.TryGetValue(year, out var fund))
            {
                fund = grains.Reference<IFundGrain>(year).Find();
                _funds[year] = fund;
            }

            return fund;
        }
    }

    public void Forget(int year)
    {
        lock (_gate)
        {
            _funds.Remove(year);
        }
    }

    public async Task<FundProgrammeView?> Programme(int year, FundProgrammeCode code) =>
        (await Fund(year))?.Programmes.FirstOrDefault(p => p.Code == code);

    public async Task<Municipality?> Municipality(string code) => (await Municipalities()).GetValueOrDefault(code);

    public async Task<IReadOnlyCollection<Municipality>> List() => (await Municipalities()).Values;

    public void ForgetMunicipalities()
    {
        lock (_gate)
        {
            _municipalities = null;
        }
    }

    private Task<Dictionary<string, Municipality>> Municipalities()
    {
        lock (_gate)
        {
            return _municipalities ??= Load();
        }

        async Task<Dictionary<string, Municipality>> Load()
        {
            var all = await grains.Reference<IMunicipalityRegistryGrain>(IMunicipalityRegistryGrain.Key).List();
            return all.ToDictionary(m => m.Code, StringComparer.Ordinal);
        }
    }
}
