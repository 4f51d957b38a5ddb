namespace Actors.Tests.Security;

/// <summary>The same host with no trusted proxy: X-Forwarded-For must change nothing.</summary>
public sealed class RateLimitUntrustedHost : RateLimitHost
{
    protected override bool TrustLoopback => false;
}
