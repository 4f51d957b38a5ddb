using System.Globalization;
using System.Text.Json.Nodes;
using Actors.Contracts.Interop.Payments;

namespace Actors.Interop.Sandboxes.PaymentGateway;

/// <summary>
/// The JSON a webhook carries: <c>{"type":"payment.captured","data":{"orderId":…,"amount":{"millimes":3000,"currency":"TND"},
/// "declineCode":null},"occurredAt":…}</c>, plus <c>refundId</c> in a refund's data. Never anything of the card.
/// </summary>
public static class SandboxWebhookBody
{
    public static string Of(GatewayNoticeKind kind, string orderId, long millimes, string currency, string? declineCode, string? refundId, DateTimeOffset occurredAt)
    {
        var data = new JsonObject
        {
            ["orderId"] = orderId,
            ["amount"] = new JsonObject { ["millimes"] = millimes, ["currency"] = currency },
            ["declineCode"] = declineCode,
        };
        if (refundId is not null)
        {
            data["refundId"] = refundId;
        }

        return new JsonObject
        {
            ["type"] = GatewayNoticeTypes.Of(kind),
            ["data"] = data,
            ["occurredAt"] = occurredAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        }.ToJsonString();
    }
}
