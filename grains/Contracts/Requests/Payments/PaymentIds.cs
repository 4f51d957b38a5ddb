using System.Globalization;

namespace Actors.Contracts.Requests.Payments;

/// <summary>
/// Order ids carry their request: <c>{request id without dashes}-{n}</c>, so a webhook finds its
/// request's grain without a lookup table, and the n-th payment of a request always has the same id.
/// </summary>
public static class PaymentIds
{
    public static string OrderId(Guid requestId, int sequence) =>
        $"{requestId:N}-{sequence.ToString(CultureInfo.InvariantCulture)}";

    public static bool TryParse(string? orderId, out Guid requestId, out int sequence)
    {
        requestId = Guid.Empty;
        sequence = 0;
        if (orderId is null || orderId.Length < 34 || orderId[32] != '-')
        {
            return false;
        }

        return Guid.TryParseExact(orderId.AsSpan(0, 32), "N", out requestId)
            && int.TryParse(orderId.AsSpan(33), NumberStyles.None, CultureInfo.InvariantCulture, out sequence)
            && sequence > 0;
    }

    /// <summary>The refund of an order has one id, whoever asks and however often.</summary>
    public static string RefundId(string orderId) => $"refund-{orderId}";
}
