namespace Actors.Contracts.Retention;

/// <summary>
/// The requests due for purge on one UTC day (key "yyyy-MM-dd"): the sweep reads a handful of these buckets a day
/// instead of a reminder per request or a scan of every final request.
/// </summary>
public interface IRetentionDayGrain : IGrainWithStringKey
{
    /// <summary>Adds requests to the bucket; on a bucket already closed, purges them at once instead.</summary>
    Task Schedule(IReadOnlyList<Guid> requests, RetentionPolicy policy, DateTimeOffset asOf);

    /// <summary>
    /// Asks up to <paramref name="batchSize"/> of the bucket's requests to purge as of <paramref name="asOf"/>; those
    /// whose period now ends on a later day move to that day's bucket. With <paramref name="close"/>, the bucket closes
    /// once empty.
    /// </summary>
    Task<RetentionDayPass> Purge(RetentionPolicy policy, DateTimeOffset asOf, int batchSize, bool close);
}
