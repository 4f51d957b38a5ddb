using Actors.Contracts.Interop;
using Actors.Contracts.Interop.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Interop.Resilience;

/// <summary>
/// The notifications provider as the pathway gets it. Sending is not idempotent at a provider, so it is tried
/// once and fails fast; <see cref="Find"/> is a lookup and is retried. The caller that saw a send fail asks
/// Find with the same message id before sending again.
/// </summary>
public sealed class ResilientNotificationSender([FromKeyedServices(OutsideSystemClients.Key)] INotificationSender client, OutsideSystemCalls calls) : INotificationSender
{
    public Task<NotificationReceipt> Send(Notification notification, CancellationToken cancellationToken = default) =>
        calls.Once(OutsideSystem.Notifications, nameof(Send), ct => client.Send(notification, ct), cancellationToken);

    public Task<NotificationReceipt?> Find(string messageId, CancellationToken cancellationToken = default) =>
        calls.Idempotent(OutsideSystem.Notifications, nameof(Find), ct => client.Find(messageId, ct), cancellationToken);
}
