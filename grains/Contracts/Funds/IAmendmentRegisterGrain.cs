using Orleans.Concurrency;

namespace Actors.Contracts.Funds;

/// <summary>
/// The amendments of one fund year (key: the year), as a read model fed from the outbox by the
/// consumers of amendment events; it serves <c>fund.amendments</c>, so that a fund's totals, read on
/// every allocation page and every payload, no longer carry its whole amendment history.
/// </summary>
public interface IAmendmentRegisterGrain : IGrainWithIntegerKey
{
    /// <summary>Keeps each amendment's latest version; an older version never replaces a newer one, so replays change nothing.</summary>
    Task Apply(IReadOnlyList<FundAmendment> amendments);

    /// <summary>The year's amendments, oldest first.</summary>
    [ReadOnly]
    Task<IReadOnlyList<FundAmendment>> List();
}
