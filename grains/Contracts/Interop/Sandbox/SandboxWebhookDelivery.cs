namespace Actors.Contracts.Interop.Sandbox;

/// <summary>One webhook message the sandbox owes our endpoint, and how its delivery went (the same message id on every attempt).</summary>
[GenerateSerializer, Immutable]
public sealed record SandboxWebhookDelivery(
    [property: Id(0)] string MessageId,
    [property: Id(1)] string Type,
    [property: Id(2)] int Attempts,
    [property: Id(3)] DateTimeOffset? NextAttemptAt,
    [property: Id(4)] DateTimeOffset? DeliveredAt,
    [property: Id(5)] int? LastStatusCode,
    [property: Id(6)] string? LastError,
    [property: Id(7)] bool GaveUp);
