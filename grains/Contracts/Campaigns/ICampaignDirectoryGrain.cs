using Orleans.Concurrency;

namespace Actors.Contracts.Campaigns;

/// <summary>
/// Which campaign a school belongs to (key <see cref="Key"/>): a school is in at most one running campaign, so a
/// pupil's request finds its campaign from the school code and the day it was submitted.
/// </summary>
public interface ICampaignDirectoryGrain : IGrainWithIntegerKey
{
    public const long Key = 0;

    /// <summary>
    /// Gives the campaign these schools for its period, releasing those it no longer has. Returns the codes held by
    /// another campaign whose period overlaps (then nothing changes).
    /// </summary>
    Task<IReadOnlyList<string>> Claim(CampaignClaim claim, IReadOnlyList<string> schoolCodes);

    /// <summary>The campaign of each school on that day (schools in none are left out).</summary>
    [ReadOnly]
    Task<IReadOnlyDictionary<string, Guid>> CampaignsOn(IReadOnlyList<string> schoolCodes, DateOnly day);

    [ReadOnly]
    Task<IReadOnlyList<Guid>> List();
}
