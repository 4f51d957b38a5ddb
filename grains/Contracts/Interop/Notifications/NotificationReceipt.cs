namespace Actors.Contracts.Interop.Notifications;

[GenerateSerializer, Immutable]
public sealed record NotificationReceipt(
    [property: Id(0)] string MessageId,
    [property: Id(1)] string ProviderMessageId,
    [property: Id(2)] DateTimeOffset AcceptedAt);
