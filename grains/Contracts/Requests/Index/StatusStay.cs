namespace Actors.Contracts.Requests.Index;

/// <summary>A stretch of time a request spent in one status before moving on, in whole seconds.</summary>
public sealed record StatusStay(RequestStatus Status, long Seconds);
