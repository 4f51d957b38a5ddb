namespace Actors.TestSupport;

/// <summary>
/// What one step of a scale simulation did to the clients: from the start of its action to the end of its steady
/// period. <see cref="Lost"/> counts acknowledged steps (of all requests so far) not found in PostgreSQL at the end.
/// </summary>
public sealed record ScaleStepReport(
    string Action,
    int SilosAfter,
    double ActionSeconds,
    double Seconds,
    int Acknowledged,
    int FailedCalls,
    int GivenUp,
    double P99Milliseconds,
    IReadOnlyList<string> Lost,
    IReadOnlyDictionary<string, int> FailuresByKind)
{
    public double Throughput => Seconds > 0 ? Acknowledged / Seconds : 0;

    /// <summary>The step's failed calls by kind, most frequent first: "12 × TaskCanceledException, 3 × VERSION_MISMATCH".</summary>
    public string FailureSummary => FailuresByKind.Count == 0
        ? "none"
        : string.Join(", ", FailuresByKind.OrderByDescending(k => k.Value).Select(k => $"{k.Value} × {k.Key}"));
}
