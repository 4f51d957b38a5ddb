using Actors.Contracts.Campaigns;
using Actors.Contracts.Naming;
using Actors.Grains.Persistence;

namespace Actors.Grains.Campaigns;

/// <summary>
/// One shard of a campaign's enrolment ids (see <see cref="IEnrolmentRegistryGrain"/>). The importer claims a batch's
/// ids before the schools store their pupils, so a crash in between leaves an id with a school that may not have
/// enrolled it yet: the same file again goes through (a claim of an id its school holds succeeds again), another
/// school's row is refused.
/// </summary>
public sealed class EnrolmentRegistryGrain(
    [PersistentState(StorageNames.EnrolmentRegistryState, StorageNames.Domain)] IPersistentState<EnrolmentRegistryState> state)
    : Grain, IEnrolmentRegistryGrain
{
    public async Task<IReadOnlyDictionary<string, string>> Claim(IReadOnlyDictionary<string, string> schoolOf)
    {
        ArgumentNullException.ThrowIfNull(schoolOf);
        var heldElsewhere = new Dictionary<string, string>(StringComparer.Ordinal);
        var claimed = false;
        foreach (var (id, schoolCode) in schoolOf)
        {
            if (state.State.Schools.TryGetValue(id, out var holder))
            {
                if (!string.Equals(holder, schoolCode, StringComparison.Ordinal))
                {
                    heldElsewhere[id] = holder;
                }

                continue;
            }

            state.State.Schools[id] = schoolCode;
            claimed = true;
        }

        if (claimed)
        {
            await state.WriteOrRestoreAsync(this);
        }

        return heldElsewhere;
    }
}
