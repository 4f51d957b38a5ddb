namespace Actors.Api.Progress;

/// <summary>Centers by rollout phase, every phase listed (zero included), in the phases' order.</summary>
public sealed record RolloutSummary(DateTimeOffset AsOf, IReadOnlyList<RolloutPhaseCount> ByPhase)
{
    public static RolloutSummary Of(IEnumerable<Contracts.Centers.ServiceCenterView> centers, DateTimeOffset asOf)
    {
        var byPhase = centers.ToLookup(c => c.Phase);
        return new RolloutSummary(asOf, Enum.GetValues<Contracts.Centers.RolloutPhase>()
            .Select(phase => new RolloutPhaseCount(
                phase,
                byPhase[phase].Count(),
                byPhase[phase].Any() ? (double)byPhase[phase].Average(c => c.Readiness.Score) : null))
            .ToList());
    }
}
