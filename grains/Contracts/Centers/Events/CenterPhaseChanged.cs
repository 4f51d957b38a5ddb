namespace Actors.Contracts.Centers.Events;

/// <summary>The center moved from one rollout phase to another (a suspension says why).</summary>
public sealed record CenterPhaseChanged(
    string Actor,
    long Version,
    DateTimeOffset At,
    RolloutPhase From,
    RolloutPhase To,
    string? Reason,
    ServiceCenterView Center) : ICenterEvent;
