namespace Actors.Contracts.Naming;

/// <summary>Live updates travel on Orleans streams; these are their provider and namespaces.</summary>
public static class StreamNames
{
    public const string Provider = "live";

    /// <summary>
    /// The previous release's stream per request id, on which its silos still publish during a rollout. APIs of this
    /// release also listen there, for one release (docs/operations.md); nothing of this release publishes on it.
    /// </summary>
    public const string RequestStatus = "request-status";

    /// <summary>
    /// Every request's status changes, on a few shared streams: the stream id is this namespace and the request's
    /// <see cref="RequestStatusPartition"/> as its (long) key.
    /// </summary>
    public const string RequestStatusShared = "request-status-shared";

    /// <summary>
    /// How many shared streams carry the status changes. Each stream id costs one persisted pub-sub row and one
    /// subscription per API process that has a subscriber on it, whatever the number of requests; more partitions mean
    /// fewer other requests' changes sent to an API process for nothing. Silos and APIs must agree on it: changing it
    /// is a contract change (a new namespace, listened to alongside the old one for a release).
    /// </summary>
    public const int RequestStatusPartitions = 16;

    /// <summary>
    /// The partition of a request: FNV-1a over the id's 16 bytes, so that every process of every release computes the
    /// same one (string.GetHashCode and Guid.GetHashCode are free to change or be randomised).
    /// </summary>
    public static int RequestStatusPartition(Guid requestId)
    {
        Span<byte> bytes = stackalloc byte[16];
        requestId.TryWriteBytes(bytes);
        var hash = 2166136261u;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash % RequestStatusPartitions);
    }
}
