using System.Text.Json.Nodes;
using Actors.Contracts.Interop.Payments;

namespace Actors.Tests.Payments;

/// <summary>One delivery as <see cref="WebhookReceiver"/> saw it, and what it answered.</summary>
public sealed record ReceivedWebhook(
    string MessageId,
    long Timestamp,
    WebhookVerification Verification,
    string Type,
    string OrderId,
    string Body,
    DateTimeOffset ReceivedAt,
    int AnsweredWith)
{
    public JsonNode Json => JsonNode.Parse(Body)!;
}
