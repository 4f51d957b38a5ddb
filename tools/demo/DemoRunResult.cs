using Actors.Contracts.Requests;

namespace Actors.Demo;

/// <summary>What a run left: how many requests end in each status, and the requests that did not end where the plan said.</summary>
public sealed record DemoRunResult(IReadOnlyDictionary<RequestStatus, int> ByStatus, IReadOnlyList<string> Departures, TimeSpan Elapsed);
