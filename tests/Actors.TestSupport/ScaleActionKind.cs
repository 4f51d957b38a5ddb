namespace Actors.TestSupport;

public enum ScaleActionKind
{
    /// <summary>Start silos (new slots) or stop the newest gracefully (SIGTERM) until this many run.</summary>
    ScaleTo,

    /// <summary>Each running silo in turn: SIGTERM, wait until it left, start it again on its endpoint.</summary>
    RollingRestart,

    /// <summary>SIGKILL one running silo, then start a replacement on a new endpoint (as a new pod would be).</summary>
    Kill,
}
