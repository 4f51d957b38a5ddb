using Actors.Contracts.Interop;
using Actors.Contracts.Interop.Education;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Interop.Resilience;

/// <summary>The Ministry of Education's register as the pathway gets it: the client behind our resilience; the lookup is idempotent.</summary>
public sealed class ResilientEducationRegistry([FromKeyedServices(OutsideSystemClients.Key)] IEducationRegistry client, OutsideSystemCalls calls) : IEducationRegistry
{
    public Task<EnrolmentCheck> CheckEnrolment(EnrolmentQuery query, CancellationToken cancellationToken = default) =>
        calls.Idempotent(OutsideSystem.Education, nameof(CheckEnrolment), ct => client.CheckEnrolment(query, ct), cancellationToken);
}
