using Actors.Contracts.Interop;
using Actors.Contracts.Interop.CivilRegistry;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Interop.Resilience;

/// <summary>The civil registry as the pathway gets it: the client behind our resilience. Both lookups are idempotent.</summary>
public sealed class ResilientCivilRegistry([FromKeyedServices(OutsideSystemClients.Key)] ICivilRegistry client, OutsideSystemCalls calls) : ICivilRegistry
{
    public Task<IdentityCheck> CheckIdentity(PersonQuery person, CancellationToken cancellationToken = default) =>
        calls.Idempotent(OutsideSystem.CivilRegistry, nameof(CheckIdentity), ct => client.CheckIdentity(person, ct), cancellationToken);

    public Task<FiliationCheck> CheckFiliation(FiliationQuery query, CancellationToken cancellationToken = default) =>
        calls.Idempotent(OutsideSystem.CivilRegistry, nameof(CheckFiliation), ct => client.CheckFiliation(query, ct), cancellationToken);
}
