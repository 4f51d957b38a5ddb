using System.Globalization;

namespace Actors.TestSupport;

/// <summary>One step of a scale simulation: scale to a number of silos, replace every silo in turn, or kill one.</summary>
public sealed record ScaleAction(ScaleActionKind Kind, int Silos = 0)
{
    public static ScaleAction ScaleTo(int silos) => new(ScaleActionKind.ScaleTo, silos);

    public static ScaleAction RollingRestart { get; } = new(ScaleActionKind.RollingRestart);

    public static ScaleAction Kill { get; } = new(ScaleActionKind.Kill);

    public override string ToString() => Kind switch
    {
        ScaleActionKind.ScaleTo => "scale to " + Silos.ToString(CultureInfo.InvariantCulture),
        ScaleActionKind.RollingRestart => "rolling restart",
        _ => "kill -9 one silo, start a replacement",
    };
}
