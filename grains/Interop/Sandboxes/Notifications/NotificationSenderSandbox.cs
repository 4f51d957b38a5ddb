using Actors.Contracts.Interop;
using Actors.Contracts.Interop.Notifications;
using Actors.Contracts.Interop.Sandbox;
using Actors.Contracts.Naming;
using static Actors.Interop.Sandboxes.SandboxInputs;

namespace Actors.Interop.Sandboxes.Notifications;

/// <summary>
/// The SMS and e-mail provider of the embedded mode and the tests: it takes every message, once per message
/// id, into an outbox a test or an operator reads (<see cref="ISandboxNotificationOutboxGrain"/>, the
/// Development-only <c>sandboxNotifications</c> query), except the documented recipients (docs/sandboxes.md).
/// A message that timed out was not taken.
/// </summary>
public sealed class NotificationSenderSandbox(SandboxBehaviour behaviour, IGrainFactory grains) : INotificationSender
{
    public async Task<NotificationReceipt> Send(Notification notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var recipient = Recipient(notification.Recipient);
        var timesOut = recipient == PhoneTimeout || recipient.Contains(EmailTimeoutMark, StringComparison.OrdinalIgnoreCase);
        await behaviour.Answer(OutsideSystem.Notifications, timesOut ? SandboxFault.Timeout : SandboxFault.None, cancellationToken);
        if (recipient == PhoneUndeliverable || recipient.Contains(EmailUndeliverableMark, StringComparison.OrdinalIgnoreCase))
        {
            throw new NotificationRejectedException(notification.MessageId, notification.Recipient, "undeliverable");
        }

        return await Outbox.Append(notification);
    }

    public async Task<NotificationReceipt?> Find(string messageId, CancellationToken cancellationToken = default)
    {
        await behaviour.Answer(OutsideSystem.Notifications, SandboxFault.None, cancellationToken);
        return await Outbox.Find(messageId);
    }

    private ISandboxNotificationOutboxGrain Outbox => grains.Reference<ISandboxNotificationOutboxGrain>(ISandboxNotificationOutboxGrain.Key);

    /// <summary>A phone number as the provider compares it: +216 and eight digits, whichever way it was written.</summary>
    private static string Recipient(string recipient)
    {
        var compact = recipient.Replace(" ", "", StringComparison.Ordinal).Trim();
        if (compact.StartsWith("00216", StringComparison.Ordinal))
        {
            compact = "+216" + compact[5..];
        }

        return compact.Length == 8 && compact.All(char.IsAsciiDigit) ? "+216" + compact : compact;
    }
}
