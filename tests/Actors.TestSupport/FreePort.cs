using System.Net;
using System.Net.Sockets;

namespace Actors.TestSupport;

/// <summary>
/// A loopback port nothing listens on, for a host a test starts. Ports come from 15000–21999, below Linux's ephemeral
/// range (32768–60999): a port the kernel hands out for "port 0" is also what it gives the next outgoing connection
/// (an HTTP client, an Npgsql pool), so one picked that way and released could be taken before the host binds it (a CI
/// run lost a fixture to "address already in use"). Orleans' own test port allocator starts above 22300. The same
/// process never gets the same port twice.
/// </summary>
public static class FreePort
{
    private const int First = 15000;
    private const int Count = 7000;

    private static int _next = Random.Shared.Next(Count);

    public static int Next()
    {
        for (var attempt = 0; attempt < Count; attempt++)
        {
            var port = First + (int)((uint)Interlocked.Increment(ref _next) % Count);
            if (IsFree(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"No free loopback port between {First} and {First + Count - 1}.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port) { ExclusiveAddressUse = true };
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
