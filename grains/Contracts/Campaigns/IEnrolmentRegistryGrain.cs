namespace Actors.Contracts.Campaigns;

/// <summary>
/// Which school holds each enrolment id of a campaign, so that a pupil is enrolled once per campaign, not once per
/// school. The ids are spread over <see cref="Shards"/> grains (key <see cref="KeyOf"/>) so that no single grain holds
/// a whole country's list.
/// </summary>
public interface IEnrolmentRegistryGrain : IGrainWithStringKey
{
    public const int Shards = 64;

    public static string KeyOf(Guid campaignId, int shard) => $"{campaignId:N}/{shard}";

    /// <summary>The shard of an enrolment id: FNV-1a over its characters, stable across processes (unlike string.GetHashCode).</summary>
    public static int ShardOf(string enrolmentId)
    {
        ArgumentNullException.ThrowIfNull(enrolmentId);
        var hash = 2166136261u;
        foreach (var ch in enrolmentId)
        {
            hash = unchecked((hash ^ ch) * 16777619u);
        }

        return (int)(hash % Shards);
    }

    /// <summary>
    /// Claims each id (the key) for its school (the value): an id nobody holds, or its school already holds, is its
    /// school's; the answer lists the others with the school that holds each.
    /// </summary>
    Task<IReadOnlyDictionary<string, string>> Claim(IReadOnlyDictionary<string, string> schoolOf);
}
