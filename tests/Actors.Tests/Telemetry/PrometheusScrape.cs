using System.Globalization;

namespace Actors.Tests.Telemetry;

/// <summary>A scraped /metrics page (Prometheus text format), read sample by sample.</summary>
public sealed class PrometheusScrape(string text)
{
    public string Text { get; } = text;

    public IReadOnlyList<PrometheusSample> Samples { get; } = Parse(text);

    /// <summary>Every metric name that has a sample (histograms as their _bucket, _sum and _count series).</summary>
    public IReadOnlySet<string> Names => Samples.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>The sum of the samples of <paramref name="name"/> whose labels include all of <paramref name="labels"/>; 0 when none.</summary>
    public double Sum(string name, params (string Key, string Value)[] labels) => Samples
        .Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Key, out var v) && v == l.Value))
        .Sum(s => s.Value);

    public static async Task<PrometheusScrape> FetchAsync(HttpClient http, Uri metrics)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var response = await http.GetAsync(metrics);
        response.EnsureSuccessStatusCode();
        return new PrometheusScrape(await response.Content.ReadAsStringAsync());
    }

    private static List<PrometheusSample> Parse(string text)
    {
        var samples = new List<PrometheusSample>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            string name;
            string rest;
            var brace = line.IndexOf('{', StringComparison.Ordinal);
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (brace >= 0 && (space < 0 || brace < space))
            {
                name = line[..brace];
                var end = ReadLabels(line, brace + 1, labels);
                rest = line[(end + 1)..].Trim();
            }
            else
            {
                name = line[..space];
                rest = line[(space + 1)..].Trim();
            }

            var value = rest.Split(' ')[0];
            samples.Add(new PrometheusSample(name, labels, value switch
            {
                "+Inf" => double.PositiveInfinity,
                "-Inf" => double.NegativeInfinity,
                _ => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture),
            }));
        }

        return samples;
    }

    /// <summary>Reads <c>key="value",...</c> up to the closing brace (values may hold escaped quotes); returns the brace's index.</summary>
    private static int ReadLabels(string line, int start, Dictionary<string, string> labels)
    {
        var i = start;
        while (i < line.Length && line[i] != '}')
        {
            var equals = line.IndexOf('=', i);
            var key = line[i..equals].Trim().TrimStart(',').Trim();
            i = equals + 2;
            var value = new System.Text.StringBuilder();
            while (line[i] != '"')
            {
                if (line[i] == '\\')
                {
                    i++;
                }

                value.Append(line[i]);
                i++;
            }

            labels[key] = value.ToString();
            i++;
            if (i < line.Length && line[i] == ',')
            {
                i++;
            }
        }

        return i;
    }
}
