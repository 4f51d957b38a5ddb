using Orleans.Concurrency;
namespace Actors.Contracts.Centers;

/// <summary>
/// The list of all centers (hundreds at most: one per National Security district), kept by one
/// grain so that <c>centers(...)</c> pages and filters without touching every center grain. It is a
/// read model: the consumers of center events feed it from the outbox.
/// </summary>
public interface ICenterDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>Keeps each center's latest view; an older version never replaces a newer one, so replays change nothing.</summary>
    Task Apply(IReadOnlyList<ServiceCenterView> centers);

    /// <summary>One center: what the previous release's center grains call, kept while they may still run (rolling upgrade).</summary>
    Task Upsert(ServiceCenterView center);

    [ReadOnly]
    Task<IReadOnlyList<ServiceCenterView>> List();
}
