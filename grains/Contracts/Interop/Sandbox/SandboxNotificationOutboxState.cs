namespace Actors.Contracts.Interop.Sandbox;

/// <summary>The sandbox outbox: the latest accepted messages, oldest first.</summary>
[GenerateSerializer]
public sealed class SandboxNotificationOutboxState
{
    [Id(0)]
    public List<SandboxNotification> Messages { get; set; } = [];
}
