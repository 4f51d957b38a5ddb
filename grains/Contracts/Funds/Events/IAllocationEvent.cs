using Actors.Contracts.Outbox;

namespace Actors.Contracts.Funds.Events;

/// <summary>Something that happened to an allocation; each carries the allocation as it is after it.</summary>
public interface IAllocationEvent : IDomainEvent
{
    Allocation Allocation { get; }
}
