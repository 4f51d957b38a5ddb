using Actors.Contracts.Interop;
using Actors.Contracts.Interop.CivilRegistry;
using Actors.Contracts.Interop.Justice;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Interop.Resilience;

/// <summary>The criminal record as the pathway gets it: the client behind our resilience; the lookup is idempotent.</summary>
public sealed class ResilientCriminalRecordRegistry([FromKeyedServices(OutsideSystemClients.Key)] ICriminalRecordRegistry client, OutsideSystemCalls calls) : ICriminalRecordRegistry
{
    public Task<RecordCheck> CheckRecord(PersonQuery person, CancellationToken cancellationToken = default) =>
        calls.Idempotent(OutsideSystem.Justice, nameof(CheckRecord), ct => client.CheckRecord(person, ct), cancellationToken);
}
