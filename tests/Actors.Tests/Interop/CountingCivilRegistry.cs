using Actors.Contracts.Interop;
using Actors.Contracts.Interop.CivilRegistry;

namespace Actors.Tests.Interop;

/// <summary>The civil registry's sandbox, counting the calls that reach it (behind the resilience).</summary>
public sealed class CountingCivilRegistry(ICivilRegistry sandbox, SandboxCalls calls) : ICivilRegistry
{
    public Task<IdentityCheck> CheckIdentity(PersonQuery person, CancellationToken cancellationToken = default)
    {
        calls.Count(OutsideSystem.CivilRegistry);
        return sandbox.CheckIdentity(person, cancellationToken);
    }

    public Task<FiliationCheck> CheckFiliation(FiliationQuery query, CancellationToken cancellationToken = default)
    {
        calls.Count(OutsideSystem.CivilRegistry);
        return sandbox.CheckFiliation(query, cancellationToken);
    }
}
