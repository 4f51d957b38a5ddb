namespace Actors.Contracts.Interop;

/// <summary>
/// An outside system did not answer usefully after our resilience gave up (timeout, retries spent,
/// circuit open, a server error). The pathway waits on it (<c>pendingOn</c>) and tries again later.
/// </summary>
public sealed class OutsideSystemUnavailableException : Exception
{
    public OutsideSystemUnavailableException()
    {
    }

    public OutsideSystemUnavailableException(string message)
        : base(message)
    {
    }

    public OutsideSystemUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public OutsideSystemUnavailableException(OutsideSystem system, string reason, Exception? innerException = null)
        : base($"{system} is unavailable: {reason}", innerException)
    {
        System = system;
        Reason = reason;
    }

    public OutsideSystem System { get; }

    /// <summary>Short and stable: <c>timeout</c>, <c>circuit-open</c>, <c>server-error</c>, ...</summary>
    public string Reason { get; } = "";
}
