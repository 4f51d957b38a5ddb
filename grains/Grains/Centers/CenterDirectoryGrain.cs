using Actors.Contracts.Centers;
using Actors.Contracts.Naming;

namespace Actors.Grains.Centers;

/// <summary>Keeps the latest view of every center, fed from the outbox; an older version never replaces a newer one.</summary>
public sealed class CenterDirectoryGrain(
    [PersistentState(StorageNames.CenterDirectoryState, StorageNames.Domain)] IPersistentState<CenterDirectoryState> state)
    : Grain, ICenterDirectoryGrain
{
    public async Task Apply(IReadOnlyList<ServiceCenterView> centers)
    {
        var changed = false;
        foreach (var center in centers)
        {
            if (!state.State.Centers.TryGetValue(center.Code, out var known) || known.Version < center.Version)
            {
                state.State.Centers[center.Code] = center;
                changed = true;
            }
        }

        if (changed)
        {
            await state.WriteStateAsync();
        }
    }

    public Task Upsert(ServiceCenterView center) => Apply([center]);

    public Task<IReadOnlyList<ServiceCenterView>> List() =>
        Task.FromResult<IReadOnlyList<ServiceCenterView>>(state.State.Centers.Values.OrderBy(c => c.Code, StringComparer.Ordinal).ToList());
}
