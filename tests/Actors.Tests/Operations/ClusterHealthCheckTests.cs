using Actors.ServiceDefaults;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Actors.Tests.Operations;

/// <summary>
/// An unready cluster answers the readiness probe with one line and no exception: the health check service logs an
/// unhealthy result with its exception's stack trace, and every probe of a starting host used to print one.
/// </summary>
public sealed class ClusterHealthCheckTests
{
    [Fact]
    public void A_host_that_knows_no_grain_type_yet_is_not_ready_and_says_why_in_one_line()
    {
        var result = ClusterHealthCheck.Unanswered(new ArgumentException(
            "Could not find an implementation for interface Actors.Contracts.Centers.ICenterDirectoryGrain\n   at Orleans.GrainFactory.GetGrain"));

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Null(result.Exception);
        Assert.Equal(
            "The cluster does not answer (ArgumentException: Could not find an implementation for interface Actors.Contracts.Centers.ICenterDirectoryGrain).",
            result.Description);
    }

    [Fact]
    public void A_call_without_an_answer_in_time_is_said_so()
    {
        var result = ClusterHealthCheck.Unanswered(new TaskCanceledException());

        Assert.Equal((HealthStatus.Unhealthy, "The cluster does not answer (no answer within 5 s).", (Exception?)null),
            (result.Status, result.Description, result.Exception));
    }
}
