using System.Globalization;

namespace Actors.Bench;

/// <summary>How many grains are active in the silo: in all, the citizen requests among them, and the biggest types.</summary>
public sealed record ScaleActivations(int Total, int Requests, string ByType)
{
    public static ScaleActivations Of(IEnumerable<SimpleGrainStatistic> statistics)
    {
        var byType = statistics.GroupBy(s => s.GrainType).Select(g => (Type: g.Key, Count: g.Sum(s => s.ActivationCount)))
            .OrderByDescending(t => t.Count).ToList();
        var requests = byType.Where(t => t.Type.Contains("CitizenRequestGrain", StringComparison.Ordinal)).Sum(t => t.Count);
        return new ScaleActivations(byType.Sum(t => t.Count), requests,
            string.Join(", ", byType.Take(8).Select(t => $"{t.Type.Split(',')[0].Split('.').Last()}: {t.Count.ToString(CultureInfo.InvariantCulture)}")));
    }

    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"{Total} in all, {Requests} requests");
}
