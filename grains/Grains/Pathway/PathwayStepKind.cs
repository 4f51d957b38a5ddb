namespace Actors.Grains.Pathway;

public enum PathwayStepKind
{
    /// <summary>The request changed: look again.</summary>
    Again,

    /// <summary>Nothing to do until a time (a retry, a payment deadline).</summary>
    Wait,

    /// <summary>Nothing to do until the request changes (the citizen or an agent acts).</summary>
    Idle,
}
