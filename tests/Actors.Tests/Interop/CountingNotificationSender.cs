using Actors.Contracts.Interop;
using Actors.Contracts.Interop.Notifications;

namespace Actors.Tests.Interop;

/// <summary>The notifications sandbox, counting the calls that reach it (behind the resilience).</summary>
public sealed class CountingNotificationSender(INotificationSender sandbox, SandboxCalls calls) : INotificationSender
{
    public Task<NotificationReceipt> Send(Notification notification, CancellationToken cancellationToken = default)
    {
        calls.Count(OutsideSystem.Notifications);
        return sandbox.Send(notification, cancellationToken);
    }

    public Task<NotificationReceipt?> Find(string messageId, CancellationToken cancellationToken = default)
    {
        calls.Count(OutsideSystem.Notifications);
        return sandbox.Find(messageId, cancellationToken);
    }
}
