using Actors.Contracts.Outbox;

namespace Actors.Contracts.Centers.Events;

/// <summary>Something that happened to a center; each carries the center as it is after it, for the directory.</summary>
public interface ICenterEvent : IDomainEvent
{
    ServiceCenterView Center { get; }
}
