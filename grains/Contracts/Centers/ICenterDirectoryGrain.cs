using Orleans.Concurrency;
namespace Actors.Contracts.Centers;

/// <summary>
/// The list of all centers (hundreds at most: one per National Security district), kept by one
/// grain so that <c>centers(...)</c> pages and filters without touching every center grain.
/// </summary>
public interface ICenterDirectoryGrain : IGrainWithIntegerKey
{
    Task Upsert(ServiceCenterView center);

    [ReadOnly]
    Task<IReadOnlyList<ServiceCenterView>> List();
}
