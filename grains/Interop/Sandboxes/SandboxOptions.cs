namespace Actors.Interop.Sandboxes;

/// <summary>
/// How a sandbox behaves besides its documented inputs (section <c>Sandboxes:&lt;System&gt;</c>, e.g.
/// <c>Sandboxes:CivilRegistry</c>; read on every call, so a change applies at once). docs/sandboxes.md lists them.
/// </summary>
public sealed class SandboxOptions
{
    /// <summary>Least time an answer takes.</summary>
    public int LatencyMilliseconds { get; set; } = 40;

    /// <summary>Up to this much more, drawn per call: 40 + 0..110 ms is what a registry on the government network takes.</summary>
    public int LatencyJitterMilliseconds { get; set; } = 110;

    /// <summary>Probability (0..1) that a call answers a server error (503).</summary>
    public double FailureRate { get; set; }

    /// <summary>Probability (0..1) that a call gets no answer in time.</summary>
    public double TimeoutRate { get; set; }

    /// <summary>True: every call answers a server error, whatever its input.</summary>
    public bool Outage { get; set; }

    /// <summary>
    /// How long a call that gets no answer hangs before its connection drops (then a <see cref="TimeoutException"/>);
    /// far beyond our timeout, which cuts it first.
    /// </summary>
    public int UnansweredMilliseconds { get; set; } = 60_000;
}
