namespace Actors.Contracts.Retention;

/// <summary>
/// The retention side of a citizen request (the same grain as <see cref="Requests.ICitizenRequestGrain"/>, same key).
/// Only the retention buckets call it.
/// </summary>
public interface IRequestRetentionGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Removes the request's personal data if it is final and its period under <paramref name="policy"/> ended by
    /// <paramref name="asOf"/>; keeps what anonymous counts need (kind, status, governorate, center, dates, history's
    /// statuses). Idempotent: a purged request stays as it is.
    /// </summary>
    Task<PurgeResult> Purge(RetentionPolicy policy, DateTimeOffset asOf);
}
