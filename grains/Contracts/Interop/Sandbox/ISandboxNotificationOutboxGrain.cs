using Actors.Contracts.Interop.Notifications;
using Orleans.Concurrency;

namespace Actors.Contracts.Interop.Sandbox;

/// <summary>
/// What the notifications sandbox "sent": one grain for the whole cluster (key <see cref="Key"/>), so that
/// the API reads the same outbox as the silo that sent, and persisted, so that a message taken before a
/// silo crash is still known after it. Keeps the latest <see cref="Capacity"/> messages.
/// </summary>
public interface ISandboxNotificationOutboxGrain : IGrainWithIntegerKey
{
    public const long Key = 0;

    public const int Capacity = 1000;

    /// <summary>Takes the message, once per message id: a message id already taken returns its first receipt and adds nothing.</summary>
    Task<NotificationReceipt> Append(Notification notification);

    /// <summary>The receipt of a message already taken, or null.</summary>
    [ReadOnly]
    Task<NotificationReceipt?> Find(string messageId);

    /// <summary>
    /// The newest messages first, at most <paramref name="first"/>; only those of a request when
    /// <paramref name="requestId"/> is given, and whose recipient contains <paramref name="recipientFilter"/>
    /// (case-insensitive) when it is given.
    /// </summary>
    [ReadOnly]
    Task<IReadOnlyList<SandboxNotification>> List(string? recipientFilter, Guid? requestId, int first);
}
