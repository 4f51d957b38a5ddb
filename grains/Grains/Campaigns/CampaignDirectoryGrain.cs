using Actors.Contracts.Campaigns;
using Actors.Contracts.Naming;
using Actors.Grains.Persistence;

namespace Actors.Grains.Campaigns;

/// <summary>School code → campaigns (periods never overlap), so that a pupil's request finds its campaign without a scan.</summary>
public sealed class CampaignDirectoryGrain(
    [PersistentState(StorageNames.CampaignDirectoryState, StorageNames.Domain)] IPersistentState<CampaignDirectoryState> state)
    : Grain, ICampaignDirectoryGrain
{
    public async Task<IReadOnlyList<string>> Claim(CampaignClaim claim, IReadOnlyList<string> schoolCodes)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(schoolCodes);
        var schools = state.State.Schools;
        var taken = schoolCodes
            .Where(code => schools.TryGetValue(code, out var claims) && claims.Any(c => c.CampaignId != claim.CampaignId && c.Overlaps(claim)))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (taken.Count > 0)
        {
            return taken;
        }

        foreach (var claims in schools.Values)
        {
            claims.RemoveAll(c => c.CampaignId == claim.CampaignId);
        }

        foreach (var code in schoolCodes)
        {
            if (!schools.TryGetValue(code, out var claims))
            {
                schools[code] = claims = [];
            }

            claims.Add(claim);
        }

        foreach (var empty in schools.Where(s => s.Value.Count == 0).Select(s => s.Key).ToList())
        {
            schools.Remove(empty);
        }

        if (!state.State.Campaigns.Contains(claim.CampaignId))
        {
            state.State.Campaigns.Add(claim.CampaignId);
        }

        await state.WriteOrRestoreAsync(this);
        return [];
    }

    public Task<IReadOnlyDictionary<string, Guid>> CampaignsOn(IReadOnlyList<string> schoolCodes, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(schoolCodes);
        var found = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var code in schoolCodes.Distinct(StringComparer.Ordinal))
        {
            if (state.State.Schools.TryGetValue(code, out var claims) && claims.FirstOrDefault(c => c.Covers(day)) is { } claim)
            {
                found[code] = claim.CampaignId;
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, Guid>>(found);
    }

    public Task<IReadOnlyList<Guid>> List() => Task.FromResult<IReadOnlyList<Guid>>(state.State.Campaigns.ToList());
}
