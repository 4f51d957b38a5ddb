namespace Actors.Interop.Sandboxes.PaymentGateway;

/// <summary>
/// One webhook message and its delivery. The body is written once, so every attempt sends the same bytes under the
/// same message id (only the timestamp and signature are new each time, as in Standard Webhooks).
/// </summary>
[GenerateSerializer]
public sealed class SandboxWebhookMessage
{
    [Id(0)] public string MessageId { get; set; } = "";
    [Id(1)] public string Type { get; set; } = "";
    [Id(2)] public string Body { get; set; } = "";
    [Id(3)] public DateTimeOffset CreatedAt { get; set; }
    [Id(4)] public int Attempts { get; set; }
    [Id(5)] public DateTimeOffset? NextAttemptAt { get; set; }
    [Id(6)] public DateTimeOffset? DeliveredAt { get; set; }
    [Id(7)] public int? LastStatusCode { get; set; }
    [Id(8)] public string? LastError { get; set; }
    [Id(9)] public bool GaveUp { get; set; }

    public bool IsPending => DeliveredAt is null && !GaveUp;
}
