using Actors.Tests.Infrastructure;

namespace Actors.Tests.Pathway;

/// <summary>
/// The API with its automatic pathway on and the sandboxes' waits shortened: retries come after a fraction of a
/// second instead of half a minute, so a test sees an outage, the wait and the manual path in a few seconds.
/// </summary>
public class AutomaticApiFactory : ApiFactory
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Pathway:Automatic"] = "true",
        ["Pathway:RetryDelay"] = "00:00:00.300",
        ["Pathway:MaxRetryDelay"] = "00:00:01",
        ["Interop:CivilRegistry:TimeoutMilliseconds"] = "400",
        ["Interop:CivilRegistry:RetryAttempts"] = "1",
        ["Interop:CivilRegistry:RetryBaseDelayMilliseconds"] = "50",
        ["Interop:Education:TimeoutMilliseconds"] = "400",
        ["Interop:Justice:TimeoutMilliseconds"] = "400",

        // Tests share this host: one test's registry outage (a trigger input) must not open the circuit for the others.
        ["Interop:CivilRegistry:CircuitBreaker:MinimumThroughput"] = "100000",
        ["Sandboxes:CivilRegistry:LatencyMilliseconds"] = "5",
        ["Sandboxes:CivilRegistry:LatencyJitterMilliseconds"] = "10",
    };
}
