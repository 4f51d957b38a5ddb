namespace Actors.Contracts.Naming;

/// <summary>Live updates travel on Orleans streams; these are their provider and namespaces.</summary>
public static class StreamNames
{
    public const string Provider = "live";

    /// <summary>One stream per request id: every status change of that request.</summary>
    public const string RequestStatus = "request-status";
}
