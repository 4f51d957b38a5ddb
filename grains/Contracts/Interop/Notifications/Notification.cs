namespace Actors.Contracts.Interop.Notifications;

/// <summary>One message to one recipient. <c>MessageId</c> is ours and unique per (request, step, template, channel).</summary>
[GenerateSerializer, Immutable]
public sealed record Notification(
    [property: Id(0)] string MessageId,
    [property: Id(1)] NotificationChannel Channel,
    [property: Id(2)] string Recipient,
    [property: Id(3)] string Language,
    [property: Id(4)] string Template,
    [property: Id(5)] IReadOnlyDictionary<string, string> Parameters,
    [property: Id(6)] Guid RequestId,
    [property: Id(7)] string Text);
