using Actors.Contracts.Requests;

namespace Actors.Demo;

/// <summary>One step of a planned request: the action, when it is taken, and the status it leaves the request in.</summary>
public sealed record PlannedStep(RequestAction Action, DateTimeOffset At, RequestStatus To);
