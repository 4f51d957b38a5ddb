namespace Actors.Persistence.Storage;

/// <summary>
/// One grain state write waiting for its commit: the row's key, the version it was read at (null for a grain never
/// stored) and the serialized state. <see cref="Stored"/> completes with the new version, or null when the stored
/// version was no longer the one read (a conflict: the caller raises InconsistentStateException).
/// </summary>
public sealed class StateWrite(string serviceId, string stateName, GrainStorageKey key, int? version, byte[] payload)
{
    public string ServiceId { get; } = serviceId;

    public string StateName { get; } = stateName;

    public GrainStorageKey Key { get; } = key;

    public int? Version { get; } = version;

    public byte[] Payload { get; } = payload;

    internal TaskCompletionSource<int?> Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
