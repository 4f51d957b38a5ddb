namespace Actors.Contracts.Interop.Notifications;

/// <summary>
/// SMS and e-mail to the citizen or the guardian. Sending is not idempotent at a real provider, so the
/// caller keeps the message id and asks <see cref="Find"/> before sending again after a crash.
/// Throws <see cref="OutsideSystemUnavailableException"/> when the provider cannot take the message.
/// </summary>
public interface INotificationSender
{
    Task<NotificationReceipt> Send(Notification notification, CancellationToken cancellationToken = default);

    /// <summary>The receipt of a message the provider already took, or null if it never got it.</summary>
    Task<NotificationReceipt?> Find(string messageId, CancellationToken cancellationToken = default);
}
