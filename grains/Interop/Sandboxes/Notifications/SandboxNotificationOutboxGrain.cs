using Actors.Contracts.Interop.Notifications;
using Actors.Contracts.Interop.Sandbox;
using Actors.Contracts.Naming;

namespace Actors.Interop.Sandboxes.Notifications;

public sealed class SandboxNotificationOutboxGrain(
    [PersistentState(StorageNames.SandboxNotificationOutboxState, StorageNames.Domain)] IPersistentState<SandboxNotificationOutboxState> state,
    TimeProvider clock)
    : Grain, ISandboxNotificationOutboxGrain
{
    public async Task<NotificationReceipt> Append(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (Taken(notification.MessageId) is { } taken)
        {
            var index = state.State.Messages.IndexOf(taken);
            state.State.Messages[index] = taken with { SendCalls = taken.SendCalls + 1 };
            await state.WriteStateAsync();
            return taken.ToReceipt();
        }

        var message = new SandboxNotification(
            notification.MessageId,
            "sbx-" + Guid.NewGuid().ToString("N"),
            notification.Channel,
            notification.Recipient,
            notification.Template,
            notification.Text,
            notification.Language,
            notification.RequestId,
            clock.GetUtcNow());
        var messages = state.State.Messages;
        messages.Add(message);
        if (messages.Count > ISandboxNotificationOutboxGrain.Capacity)
        {
            messages.RemoveRange(0, messages.Count - ISandboxNotificationOutboxGrain.Capacity);
        }

        await state.WriteStateAsync();
        return message.ToReceipt();
    }

    public Task<NotificationReceipt?> Find(string messageId) => Task.FromResult(Taken(messageId)?.ToReceipt());

    public Task<IReadOnlyList<SandboxNotification>> List(string? recipientFilter, Guid? requestId, int first)
    {
        IReadOnlyList<SandboxNotification> page = Enumerable.Reverse(state.State.Messages)
            .Where(m => requestId is null || m.RequestId == requestId)
            .Where(m => string.IsNullOrEmpty(recipientFilter) || m.Recipient.Contains(recipientFilter, StringComparison.OrdinalIgnoreCase))
            .Take(Math.Max(0, first))
            .ToList();
        return Task.FromResult(page);
    }

    private SandboxNotification? Taken(string messageId) => state.State.Messages.Find(m => m.MessageId == messageId);
}
