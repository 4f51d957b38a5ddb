using Actors.Contracts.Interop.Payments;
using Actors.Contracts.Interop.Sandbox;

namespace Actors.Interop.Sandboxes.PaymentGateway;

/// <summary>An order at the sandbox gateway: its terms, where its payment stands, the webhooks it owes, its refunds.</summary>
[GenerateSerializer]
public sealed class SandboxGatewayOrderState
{
    [Id(0)] public GatewayOrder? Order { get; set; }
    [Id(1)] public string SessionToken { get; set; } = "";
    [Id(2)] public SandboxOrderStatus Status { get; set; }
    [Id(3)] public string? CardLast4 { get; set; }
    [Id(4)] public string? DeclineCode { get; set; }
    [Id(5)] public DateTimeOffset RegisteredAt { get; set; }
    [Id(6)] public DateTimeOffset UpdatedAt { get; set; }
    [Id(7)] public List<SandboxWebhookMessage> Webhooks { get; set; } = [];
    [Id(8)] public List<GatewayRefund> Refunds { get; set; } = [];
}
