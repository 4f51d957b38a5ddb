using System.Globalization;

namespace Actors.Bench;

/// <summary>How many grains are active in the silo: in all, the citizen requests and their clocks among them, and every type's count.</summary>
public sealed record ScaleActivations(int Total, int Requests, int Clocks, IReadOnlyDictionary<string, int> PerType)
{
    public static ScaleActivations Of(IEnumerable<SimpleGrainStatistic> statistics)
    {
        var perType = statistics.GroupBy(s => ShortName(s.GrainType)).ToDictionary(g => g.Key, g => g.Sum(s => s.ActivationCount), StringComparer.Ordinal);
        int Count(string type) => perType.TryGetValue(type, out var n) ? n : 0;
        return new ScaleActivations(perType.Values.Sum(), Count("CitizenRequestGrain"), Count("RequestClockGrain"), perType);
    }

    /// <summary>The biggest types, most first.</summary>
    public string ByType => string.Join(", ", PerType.OrderByDescending(t => t.Value).Take(8)
        .Select(t => $"{t.Key}: {t.Value.ToString(CultureInfo.InvariantCulture)}"));

    public int Of(string type) => PerType.TryGetValue(type, out var n) ? n : 0;

    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"{Total} in all, {Requests} requests, {Clocks} clocks");

    // "Actors.Grains.Requests.CitizenRequestGrain, Actors.Grains" or a grain type name: the class's own name.
    private static string ShortName(string grainType) => grainType.Split(',')[0].Split('.').Last();
}
