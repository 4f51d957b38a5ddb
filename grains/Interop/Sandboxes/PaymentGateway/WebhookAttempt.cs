namespace Actors.Interop.Sandboxes.PaymentGateway;

/// <summary>How one delivery attempt went: the receiver's status code if it answered, and why it failed if it did.</summary>
public readonly record struct WebhookAttempt(int? StatusCode, string? Error)
{
    public bool Delivered => Error is null;
}
