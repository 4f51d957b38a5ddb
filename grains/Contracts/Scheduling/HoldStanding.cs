namespace Actors.Contracts.Scheduling;

/// <summary>What a request says of a hold a day schedule asks about when the hold reaches its expiry.</summary>
public enum HoldStanding
{
    /// <summary>The request does not hold it (a crash between hold and commit, a refused step): release it.</summary>
    None,

    /// <summary>The request's turn that took it is still running: keep it a while longer.</summary>
    Pending,

    /// <summary>The request committed the appointment: confirm it.</summary>
    Confirmed,
}
