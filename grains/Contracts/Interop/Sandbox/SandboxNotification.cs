using Actors.Contracts.Interop.Notifications;

namespace Actors.Contracts.Interop.Sandbox;

/// <summary>
/// A message the notifications sandbox accepted, as its outbox shows it to a test or an operator. <c>SendCalls</c>
/// counts how often our side asked to send it: a real provider would have sent every one of them, so more than
/// one is a duplicate SMS that the pathway's "look up before sending again" should have prevented.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SandboxNotification(
    [property: Id(0)] string MessageId,
    [property: Id(1)] string ProviderMessageId,
    [property: Id(2)] NotificationChannel Channel,
    [property: Id(3)] string Recipient,
    [property: Id(4)] string Template,
    [property: Id(5)] string Text,
    [property: Id(6)] string Language,
    [property: Id(7)] Guid RequestId,
    [property: Id(8)] DateTimeOffset AcceptedAt,
    [property: Id(9)] int SendCalls = 1)
{
    public NotificationReceipt ToReceipt() => new(MessageId, ProviderMessageId, AcceptedAt);
}
