namespace Actors.Contracts.Centers;

/// <summary>
/// The rollout state machine in one table: the center grain enforces it, the API reads it for
/// <c>availableActions</c>. Nothing leads back to PLANNED (a center is suspended instead); going
/// LIVE needs full readiness; suspending must say why; asking for the phase a center is in
/// changes nothing.
/// </summary>
public static class CenterPhaseTransitions
{
    public static IReadOnlyList<CenterPhaseTransition> All { get; } =
    [
        new(RolloutPhase.Pilot, [RolloutPhase.Planned, RolloutPhase.Live, RolloutPhase.Suspended], ReasonRequired: false, NeedsReadiness: false),
        new(RolloutPhase.Live, [RolloutPhase.Planned, RolloutPhase.Pilot, RolloutPhase.Suspended], ReasonRequired: false, NeedsReadiness: true),
        new(RolloutPhase.Suspended, [RolloutPhase.Planned, RolloutPhase.Pilot, RolloutPhase.Live], ReasonRequired: true, NeedsReadiness: false),
    ];

    /// <summary>The row that leads to <paramref name="to"/>, or null when nothing does (PLANNED).</summary>
    public static CenterPhaseTransition? To(RolloutPhase to) => All.FirstOrDefault(t => t.To == to);

    public static bool Allows(RolloutPhase from, RolloutPhase to) => To(to)?.From.Contains(from) == true;

    /// <summary>The phases a center can be moved to now (LIVE only once ready), for clients' buttons; the grain still decides.</summary>
    public static IReadOnlyList<RolloutPhase> AvailableFrom(RolloutPhase phase, CenterReadiness readiness)
    {
        ArgumentNullException.ThrowIfNull(readiness);
        return All.Where(t => t.From.Contains(phase) && (!t.NeedsReadiness || readiness.IsReadyForLive)).Select(t => t.To).ToList();
    }
}
