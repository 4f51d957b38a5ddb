using Actors.Contracts.Outbox;

namespace Actors.Persistence.Storage;

/// <summary>
/// One grain state write waiting for its commit: the row's key, the version it was read at (null for a grain never
/// stored), the serialized state and the events of its step (written to the outbox by the same statement, only if the
/// state's write takes effect). <see cref="Stored"/> completes with the new version, or null when the stored
/// version was no longer the one read (a conflict: the caller raises InconsistentStateException).
/// </summary>
public sealed class StateWrite(string serviceId, string stateName, GrainStorageKey key, int? version, byte[] payload, IReadOnlyList<OutboxEvent> events)
{
    public string ServiceId { get; } = serviceId;

    public string StateName { get; } = stateName;

    public GrainStorageKey Key { get; } = key;

    public int? Version { get; } = version;

    public byte[] Payload { get; } = payload;

    public IReadOnlyList<OutboxEvent> Events { get; } = events;

    internal TaskCompletionSource<int?> Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
