namespace Actors.Contracts.Interop.Payments;

/// <summary>Webhook event types as they travel in the message body's <c>type</c>: <c>payment.captured</c> and so on.</summary>
public static class GatewayNoticeTypes
{
    private static readonly Dictionary<GatewayNoticeKind, string> Names = new()
    {
        [GatewayNoticeKind.Authorised] = "payment.authorised",
        [GatewayNoticeKind.Captured] = "payment.captured",
        [GatewayNoticeKind.Declined] = "payment.declined",
        [GatewayNoticeKind.Expired] = "payment.expired",
        [GatewayNoticeKind.Refunded] = "payment.refunded",
    };

    public static string Of(GatewayNoticeKind kind) => Names[kind];

    public static bool TryParse(string? type, out GatewayNoticeKind kind)
    {
        foreach (var (candidate, name) in Names)
        {
            if (string.Equals(name, type, StringComparison.Ordinal))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
