namespace Actors.Contracts.Outbox;

/// <summary>
/// Something that happened to one aggregate, named for it (RequestSubmitted, CenterPhaseChanged,
/// AllocationApproved...). It leaves its grain only through the outbox, committed with the state.
/// The record's type name is its outbox type: renaming an event record breaks stored outboxes.
/// </summary>
public interface IDomainEvent
{
    /// <summary>Who caused it, as histories write it (<c>ROLE:subject</c>).</summary>
    string Actor { get; }

    /// <summary>The aggregate's version after it happened.</summary>
    long Version { get; }

    DateTimeOffset At { get; }
}
