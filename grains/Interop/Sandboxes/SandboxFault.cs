namespace Actors.Interop.Sandboxes;

/// <summary>How a sandbox call fails, when it does: chosen by a documented input, an outage or chance.</summary>
public enum SandboxFault
{
    None,

    /// <summary>No answer in time.</summary>
    Timeout,

    /// <summary>An answer of 503.</summary>
    ServerError,
}
