using System.Globalization;
using System.Text.Json;
using Actors.Contracts.Interop.Payments;

namespace Actors.Api.Payments;

/// <summary>
/// A gateway webhook's JSON body (<c>type</c>, <c>data.orderId</c>, <c>data.amount.millimes</c>, <c>data.amount.currency</c>,
/// <c>data.declineCode</c>, <c>occurredAt</c>), read once its signature is known good. <c>Kind</c> is null for a type we do not know.
/// </summary>
public sealed record GatewayWebhookMessage(
    string Type,
    GatewayNoticeKind? Kind,
    string OrderId,
    long AmountMillimes,
    string Currency,
    string? DeclineCode,
    DateTimeOffset OccurredAt)
{
    /// <summary>The body's fields, or null when it is not the gateway's JSON.</summary>
    public static GatewayWebhookMessage? Read(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object
                || !data.TryGetProperty("orderId", out var orderId) || orderId.ValueKind != JsonValueKind.String
                || !data.TryGetProperty("amount", out var amount) || amount.ValueKind != JsonValueKind.Object
                || !amount.TryGetProperty("millimes", out var millimes) || millimes.ValueKind != JsonValueKind.Number || !millimes.TryGetInt64(out var millimesValue)
                || !amount.TryGetProperty("currency", out var currency) || currency.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("occurredAt", out var occurredAt) || occurredAt.ValueKind != JsonValueKind.String
                || !DateTimeOffset.TryParse(occurredAt.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at))
            {
                return null;
            }

            string? declineCode = null;
            if (data.TryGetProperty("declineCode", out var decline))
            {
                if (decline.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                {
                    return null;
                }

                declineCode = decline.GetString();
            }

            GatewayNoticeKind? kind = GatewayNoticeTypes.TryParse(type.GetString(), out var known) ? known : null;
            return new GatewayWebhookMessage(type.GetString()!, kind, orderId.GetString()!, millimesValue, currency.GetString()!, declineCode, at);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public GatewayNotice ToNotice(string messageId, GatewayNoticeKind kind) =>
        new(messageId, OrderId, kind, AmountMillimes, Currency, DeclineCode, OccurredAt);
}
