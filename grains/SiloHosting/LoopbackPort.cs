using System.Net;
using System.Net.Sockets;

namespace Actors.SiloHosting;

/// <summary>A loopback port that is free now, for listeners nothing else needs to find.</summary>
public static class LoopbackPort
{
    /// <summary>
    /// The system's pick: bound and released at once, so another process could take it before the
    /// silo binds it; the window is short and the silo then fails to start, loudly.
    /// </summary>
    public static int PickFree()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
