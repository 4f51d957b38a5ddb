using Actors.Contracts.Campaigns;
using Actors.Contracts.Naming;
using Actors.Grains.Persistence;

namespace Actors.Grains.Campaigns;

/// <summary>
/// One school's delivery rounds in one campaign: the one place that decides whether a card is free for a new round,
/// so that two agents preparing rounds for the same school at once cannot put a card in both.
/// </summary>
public sealed class SchoolDeliveryBoardGrain(
    [PersistentState(StorageNames.SchoolDeliveryBoardState, StorageNames.Domain)] IPersistentState<SchoolDeliveryBoardState> state)
    : Grain, ISchoolDeliveryBoardGrain
{
    private SchoolDeliveryBoardState S => state.State;

    public async Task<IReadOnlyList<Guid>> Claim(Guid roundId, IReadOnlyList<Guid> requestIds)
    {
        ArgumentNullException.ThrowIfNull(requestIds);
        var taken = requestIds.Where(id => S.OpenCards.TryGetValue(id, out var holder) && holder != roundId).Distinct().ToList();
        if (taken.Count > 0)
        {
            return taken;
        }

        var changed = false;
        foreach (var id in requestIds)
        {
            changed |= S.OpenCards.TryAdd(id, roundId);
        }

        if (!S.Rounds.Contains(roundId))
        {
            S.Rounds.Add(roundId);
            changed = true;
        }

        if (changed)
        {
            await state.WriteOrRestoreAsync(this);
        }

        return [];
    }

    public async Task Release(Guid roundId)
    {
        var held = S.OpenCards.Where(c => c.Value == roundId).Select(c => c.Key).ToList();
        if (held.Count == 0)
        {
            return;
        }

        foreach (var id in held)
        {
            S.OpenCards.Remove(id);
        }

        await state.WriteOrRestoreAsync(this);
    }

    public Task<IReadOnlyDictionary<Guid, Guid>> OpenCards() => Task.FromResult<IReadOnlyDictionary<Guid, Guid>>(new Dictionary<Guid, Guid>(S.OpenCards));

    public Task<IReadOnlyList<Guid>> Rounds() => Task.FromResult<IReadOnlyList<Guid>>(S.Rounds.ToList());
}
