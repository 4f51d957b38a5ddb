namespace Actors.Contracts.Interop.Payments;

/// <summary>
/// The gateway answered and said no (an order id reused with another amount, a refund of an unpaid order, ...):
/// unlike <see cref="OutsideSystemUnavailableException"/>, trying again will not help. <c>Code</c> is the gateway's.
/// </summary>
[GenerateSerializer]
public sealed class GatewayRefusalException : Exception
{
    public GatewayRefusalException()
    {
    }

    public GatewayRefusalException(string message)
        : base(message)
    {
    }

    public GatewayRefusalException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public GatewayRefusalException(string code, string message)
        : base(message) => Code = code;

    /// <summary>Short and stable: <c>order_mismatch</c>, <c>not_captured</c>, <c>refund_exceeds_capture</c>, ...</summary>
    [Id(0)]
    public string Code { get; } = "";
}
