using Actors.Contracts.Outbox;

namespace Actors.Contracts.Funds.Events;

/// <summary>Something that happened to an appropriation amendment; each carries the amendment as it is after it.</summary>
public interface IAmendmentEvent : IDomainEvent
{
    FundAmendment Amendment { get; }
}
