namespace Actors.Tests.Interop;

/// <summary>Chance with its draws written in advance, for the sandboxes' failure and timeout rates; past the script, 0.99.</summary>
public sealed class ScriptedRandom(params double[] draws) : Random
{
    private readonly Queue<double> _draws = new(draws);

    public override double NextDouble() => _draws.TryDequeue(out var draw) ? draw : 0.99;

    public override int Next(int maxValue) => (int)(NextDouble() * maxValue);
}
