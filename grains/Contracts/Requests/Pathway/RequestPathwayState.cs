using Actors.Contracts.Interop;
using Actors.Contracts.Outbox;

namespace Actors.Contracts.Requests.Pathway;

/// <summary>
/// What the pathway of one request remembers: which checks passed for the request version being verified,
/// how often an outside system failed in a row, and which notifications and refunds were started and
/// finished (so that a crash between "started" and "finished" asks the provider instead of repeating).
/// No personal data: the request grain holds it and is read at each turn.
/// </summary>
[GenerateSerializer]
public sealed class RequestPathwayState : IAggregateState
{
    [Id(0)] public long Version { get; set; }
    [Id(1)] public List<OutboxEvent> Outbox { get; set; } = [];

    /// <summary>The request version whose checks <see cref="PassedChecks"/> are about.</summary>
    [Id(2)] public long CheckedVersion { get; set; }
    [Id(3)] public List<string> PassedChecks { get; set; } = [];

    [Id(4)] public int FailuresInARow { get; set; }
    [Id(5)] public DateTimeOffset? NextAttemptAt { get; set; }
    [Id(6)] public OutsideSystem? WaitingOn { get; set; }

    /// <summary>Notification message ids by state: <c>sending</c> (started, outcome unknown), <c>sent</c>, <c>undeliverable</c>.</summary>
    [Id(7)] public Dictionary<string, string> Notifications { get; set; } = [];

    /// <summary>Refund ids by state: <c>requested</c> (started, outcome unknown) or <c>done</c>.</summary>
    [Id(8)] public Dictionary<string, string> Refunds { get; set; } = [];
}
