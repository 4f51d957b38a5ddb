namespace Actors.Contracts.Interop.Notifications;

/// <summary>
/// The provider refused the message for good: the recipient is undeliverable (an unknown number, a
/// bounced address). Not an outage: sending again cannot help, so no retry and no circuit breaker count
/// it; the caller records the failure and may try another channel or recipient.
/// </summary>
public sealed class NotificationRejectedException : Exception
{
    public NotificationRejectedException()
    {
    }

    public NotificationRejectedException(string message)
        : base(message)
    {
    }

    public NotificationRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public NotificationRejectedException(string messageId, string recipient, string reason)
        : base($"Message {messageId} was refused: {reason}.")
    {
        MessageId = messageId;
        Recipient = recipient;
        Reason = reason;
    }

    public string MessageId { get; } = "";

    public string Recipient { get; } = "";

    /// <summary>Short and stable: <c>undeliverable</c>.</summary>
    public string Reason { get; } = "";
}
