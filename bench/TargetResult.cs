namespace Actors.Bench;

/// <summary>One target of issue 15 as measured: what, the figure, the target it is held to, and whether it meets it.</summary>
public sealed record TargetResult(string Measure, double Figure, string Target, bool Met);
