namespace Actors.Interop.Resilience;

/// <summary>
/// The service key of the client that really talks to an outside system (a sandbox today, an HTTP client
/// later): the resilient adapter the pathway receives wraps the client registered under this key.
/// </summary>
public static class OutsideSystemClients
{
    public const string Key = "outside-system-client";
}
