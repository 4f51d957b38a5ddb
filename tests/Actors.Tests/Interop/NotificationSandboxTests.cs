using Actors.Contracts.Interop;
using Actors.Contracts.Interop.Notifications;
using Actors.Contracts.Interop.Sandbox;
using Actors.Tests.Infrastructure;

namespace Actors.Tests.Interop;

/// <summary>
/// The notifications sandbox behind the real resilience, its outbox in a grain of a real (in-process) cluster: each
/// documented recipient, the outbox deduplicated by message id, and a send that is never retried.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class NotificationSandboxTests(ClusterFixture cluster)
{
    [Theory]
    [InlineData(NotificationChannel.Sms, "+21698123456")]
    [InlineData(NotificationChannel.Sms, "98 123 456")]
    [InlineData(NotificationChannel.Email, "amira@example.tn")]
    public async Task A_message_is_taken_into_the_outbox(NotificationChannel channel, string recipient)
    {
        await using var host = new InteropHost(grains: cluster.Grains);
        var message = Message(channel, recipient);
        var receipt = await host.Get<INotificationSender>().Send(message, TestContext.Current.CancellationToken);

        Assert.Equal(message.MessageId, receipt.MessageId);
        Assert.StartsWith("sbx-", receipt.ProviderMessageId, StringComparison.Ordinal);
        var listed = Assert.Single(await Outbox.List(null, message.RequestId, 10));
        Assert.Equal((message.MessageId, channel, recipient, message.Template, message.Text, message.Language, receipt.AcceptedAt),
            (listed.MessageId, listed.Channel, listed.Recipient, listed.Template, listed.Text, listed.Language, listed.AcceptedAt));
        Assert.Equal(receipt, await host.Get<INotificationSender>().Find(message.MessageId, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(NotificationChannel.Sms, "+21600000000")]
    [InlineData(NotificationChannel.Sms, "00000000")]
    [InlineData(NotificationChannel.Email, "citizen+SBX-BOUNCE@example.tn")]
    public async Task An_undeliverable_recipient_is_refused_once_and_nothing_is_taken(NotificationChannel channel, string recipient)
    {
        await using var host = new InteropHost(grains: cluster.Grains);
        var message = Message(channel, recipient);
        var refusal = await Assert.ThrowsAsync<NotificationRejectedException>(() => host.Get<INotificationSender>().Send(message, TestContext.Current.CancellationToken));

        Assert.Equal((message.MessageId, recipient, "undeliverable"), (refusal.MessageId, refusal.Recipient, refusal.Reason));
        Assert.Equal(1, host.Calls[OutsideSystem.Notifications]);
        Assert.Empty(await Outbox.List(null, message.RequestId, 10));
    }

    [Theory]
    [InlineData(NotificationChannel.Sms, "+21600000009")]
    [InlineData(NotificationChannel.Email, "sbx-timeout@example.tn")]
    public async Task A_recipient_that_times_out_is_tried_once_and_nothing_is_taken(NotificationChannel channel, string recipient)
    {
        await using var host = new InteropHost(
            new Dictionary<string, string?> { ["Interop:Notifications:TimeoutMilliseconds"] = "200", ["Interop:Notifications:RetryAttempts"] = "2" },
            grains: cluster.Grains);
        var message = Message(channel, recipient);
        var error = await Assert.ThrowsAsync<OutsideSystemUnavailableException>(() => host.Get<INotificationSender>().Send(message, TestContext.Current.CancellationToken));

        Assert.Equal((OutsideSystem.Notifications, "timeout"), (error.System, error.Reason));
        Assert.Equal(1, host.Calls[OutsideSystem.Notifications]);
        Assert.Null(await host.Get<INotificationSender>().Find(message.MessageId, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_send_is_never_retried_but_a_find_is()
    {
        await using var host = new InteropHost(
            new Dictionary<string, string?> { ["Sandboxes:Notifications:FailureRate"] = "1", ["Interop:Notifications:RetryAttempts"] = "2" },
            grains: cluster.Grains);
        var message = Message(NotificationChannel.Sms, "+21698123456");
        var sender = host.Get<INotificationSender>();

        Assert.Equal("server-error", (await Assert.ThrowsAsync<OutsideSystemUnavailableException>(() => sender.Send(message, TestContext.Current.CancellationToken))).Reason);
        Assert.Equal(1, host.Calls[OutsideSystem.Notifications]);
        Assert.Equal("server-error", (await Assert.ThrowsAsync<OutsideSystemUnavailableException>(() => sender.Find(message.MessageId, TestContext.Current.CancellationToken))).Reason);
        Assert.Equal(4, host.Calls[OutsideSystem.Notifications]);
        Assert.Empty(await Outbox.List(null, message.RequestId, 10));
    }

    [Fact]
    public async Task The_outbox_takes_a_message_id_once_and_answers_its_first_receipt()
    {
        await using var host = new InteropHost(grains: cluster.Grains);
        var sender = host.Get<INotificationSender>();
        var message = Message(NotificationChannel.Email, "guardian@example.tn");

        var first = await sender.Send(message, TestContext.Current.CancellationToken);
        var again = await sender.Send(message with { Text = "Sent again after a crash" }, TestContext.Current.CancellationToken);
        var other = await sender.Send(message with { MessageId = message.MessageId + "-reminder" }, TestContext.Current.CancellationToken);

        Assert.Equal(first, again);
        Assert.NotEqual(first.ProviderMessageId, other.ProviderMessageId);
        var listed = await Outbox.List(null, message.RequestId, 10);
        Assert.Equal([other.MessageId, first.MessageId], listed.Select(m => m.MessageId));
        Assert.Equal(message.Text, listed[1].Text);
        Assert.Equal(first, await Outbox.Find(message.MessageId));
        Assert.Null(await Outbox.Find(Guid.NewGuid().ToString("N")));
    }

    [Fact]
    public async Task The_outbox_lists_by_recipient_and_request_newest_first_up_to_first()
    {
        await using var host = new InteropHost(grains: cluster.Grains);
        var sender = host.Get<INotificationSender>();
        var request = Guid.NewGuid();
        var mark = Guid.NewGuid().ToString("N")[..8];
        foreach (var n in Enumerable.Range(1, 3))
        {
            await sender.Send(Message(NotificationChannel.Email, $"{mark}-{n}@example.tn", request), TestContext.Current.CancellationToken);
        }

        Assert.Equal([$"{mark}-3@example.tn", $"{mark}-2@example.tn"], (await Outbox.List(null, request, 2)).Select(m => m.Recipient));
        Assert.Equal([$"{mark}-2@example.tn"], (await Outbox.List($"{mark.ToUpperInvariant()}-2", null, 10)).Select(m => m.Recipient));
        Assert.Empty(await Outbox.List(mark, Guid.NewGuid(), 10));
    }

    private ISandboxNotificationOutboxGrain Outbox => cluster.Grains.GetGrain<ISandboxNotificationOutboxGrain>(ISandboxNotificationOutboxGrain.Key);

    private static Notification Message(NotificationChannel channel, string recipient, Guid? requestId = null) => new(
        Guid.NewGuid().ToString("N"),
        channel,
        recipient,
        "fr",
        "request-submitted",
        new Dictionary<string, string> { ["reference"] = "CIN-2026-8K2QF-4M7TZ" },
        requestId ?? Guid.NewGuid(),
        "Votre demande CIN-2026-8K2QF-4M7TZ est enregistrée.");
}
