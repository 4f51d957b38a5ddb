namespace Actors.Contracts.Centers.Events;

/// <summary>The center's readiness on the four rollout tracks was reported.</summary>
public sealed record CenterReadinessUpdated(
    string Actor,
    long Version,
    DateTimeOffset At,
    ServiceCenterView Center) : ICenterEvent;
