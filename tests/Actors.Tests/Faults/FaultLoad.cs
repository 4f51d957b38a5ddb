using System.Globalization;

namespace Actors.Tests.Faults;

/// <summary>
/// Load sizes of the fault tests. The suite's defaults keep each test well under its budget on two cores; the long
/// form is a matter of environment variables, e.g. <c>ACTORS_FAULT_REQUESTS=20000 ACTORS_FAULT_CONCURRENCY=32 ACTORS_FAULT_TIMEOUT_SECONDS=900</c>.
/// </summary>
public static class FaultLoad
{
    /// <summary>Requests driven through submission and two transitions in the crash test (ACTORS_FAULT_REQUESTS, default 1000).</summary>
    public static int Requests { get; } = Read("ACTORS_FAULT_REQUESTS", 1000);

    /// <summary>Requests at least in the rolling restart test, which also keeps going until every silo was restarted (ACTORS_FAULT_ROLLING_REQUESTS, default 300).</summary>
    public static int RollingRequests { get; } = Read("ACTORS_FAULT_ROLLING_REQUESTS", 300);

    /// <summary>Each fault test is cancelled after this (ACTORS_FAULT_TIMEOUT_SECONDS, default 180): raise it with the load.</summary>
    public static TimeSpan Timeout { get; } = TimeSpan.FromSeconds(Read("ACTORS_FAULT_TIMEOUT_SECONDS", 180));

    /// <summary>Concurrent clients (ACTORS_FAULT_CONCURRENCY, default 16).</summary>
    public static int Concurrency { get; } = Read("ACTORS_FAULT_CONCURRENCY", 16);

    private static int Read(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;
}
