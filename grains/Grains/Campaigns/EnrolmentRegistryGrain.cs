using Actors.Contracts.Campaigns;
using Actors.Contracts.Naming;
using Actors.Grains.Persistence;

namespace Actors.Grains.Campaigns;

/// <summary>
/// One shard of a campaign's enrolment ids (see <see cref="IEnrolmentRegistryGrain"/>). A claim is stored before the
/// school stores the pupil, so a crash in between leaves the id with a school that may not have enrolled it yet: the
/// same school's retry goes through (a claim of an id it holds succeeds again), another school's is refused.
/// </summary>
public sealed class EnrolmentRegistryGrain(
    [PersistentState(StorageNames.EnrolmentRegistryState, StorageNames.Domain)] IPersistentState<EnrolmentRegistryState> state)
    : Grain, IEnrolmentRegistryGrain
{
    public async Task<IReadOnlyDictionary<string, string>> Claim(string schoolCode, IReadOnlyList<string> enrolmentIds)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(schoolCode);
        ArgumentNullException.ThrowIfNull(enrolmentIds);
        var heldElsewhere = new Dictionary<string, string>(StringComparer.Ordinal);
        var claimed = false;
        foreach (var id in enrolmentIds)
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
