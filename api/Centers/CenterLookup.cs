using Actors.Contracts.Centers;
using Actors.Contracts.Naming;

namespace Actors.Api.Centers;

/// <summary>
/// Per-operation batch loader for centers: the first center asked for loads the whole directory in
/// one grain call, every later one is served from it. A page of 50 requests costs one call, not 50.
/// </summary>
public sealed class CenterLookup(IGrainFactory grains)
{
    private Task<Dictionary<string, ServiceCenterView>>? directory;

    public async Task<ServiceCenterView?> Find(string code)
    {
        var all = await All();
        return all.GetValueOrDefault(code);
    }

    public async Task<IReadOnlyCollection<ServiceCenterView>> List() => (await All()).Values;

    private Task<Dictionary<string, ServiceCenterView>> All() =>
        directory ??= Load();

    private async Task<Dictionary<string, ServiceCenterView>> Load()
    {
        var centers = await grains.Reference<ICenterDirectoryGrain>(0).List();
        return centers.ToDictionary(c => c.Code, StringComparer.Ordinal);
    }
}
