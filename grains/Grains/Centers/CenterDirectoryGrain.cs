using Actors.Contracts.Centers;
using Actors.Contracts.Naming;

namespace Actors.Grains.Centers;

/// <summary>Keeps the latest view of every center; an older version never replaces a newer one.</summary>
public sealed class CenterDirectoryGrain(
    [PersistentState(StorageNames.CenterDirectoryState, StorageNames.Domain)] IPersistentState<CenterDirectoryState> state)
    : Grain, ICenterDirectoryGrain
{
    public async Task Upsert(ServiceCenterView center)
    {
        if (state.State.Centers.TryGetValue(center.Code, out var known) && known.Version >= center.Version)
        {
            return;
        }

        state.State.Centers[center.Code] = center;
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<ServiceCenterView>> List() =>
        Task.FromResult<IReadOnlyList<ServiceCenterView>>(state.State.Centers.Values.OrderBy(c => c.Code, StringComparer.Ordinal).ToList());
}
