using Actors.Contracts.Funds;
using Actors.Contracts.Naming;

namespace Actors.Grains.Funds;

/// <summary>Keeps the latest version of each amendment of one year, fed from the outbox.</summary>
public sealed class AmendmentRegisterGrain(
    [PersistentState(StorageNames.AmendmentRegisterState, StorageNames.Domain)] IPersistentState<AmendmentRegisterState> state)
    : Grain, IAmendmentRegisterGrain
{
    public async Task Apply(IReadOnlyList<FundAmendment> amendments)
    {
        var changed = false;
        foreach (var amendment in amendments)
        {
            if (!state.State.Amendments.TryGetValue(amendment.Id, out var known) || known.Version < amendment.Version)
            {
                state.State.Amendments[amendment.Id] = amendment;
                changed = true;
            }
        }

        if (changed)
        {
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<FundAmendment>> List() =>
        Task.FromResult<IReadOnlyList<FundAmendment>>(
            state.State.Amendments.Values.OrderBy(a => a.ProposedAt).ThenBy(a => a.Id).ToList());
}
