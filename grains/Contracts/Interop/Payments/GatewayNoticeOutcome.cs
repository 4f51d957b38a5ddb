namespace Actors.Contracts.Interop.Payments;

/// <summary>What our side did with a webhook message; every outcome is acknowledged to the gateway (2xx) except none.</summary>
public enum GatewayNoticeOutcome
{
    Applied,

    /// <summary>This message id was already applied: acknowledged, counted once.</summary>
    Duplicate,

    /// <summary>Authentic but changes nothing (out of order, wrong amount or currency, a final payment): acknowledged and logged.</summary>
    Ignored,

    /// <summary>No payment of ours has this order id.</summary>
    UnknownOrder,
}
