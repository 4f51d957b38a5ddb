namespace Actors.Contracts.Interop.Sandbox;

/// <summary>Where the API serves the sandbox gateway's hosted page, and our webhook endpoint the sandbox calls by default.</summary>
public static class SandboxGatewayPaths
{
    /// <summary>The hosted page of a session: <c>{public base}/sandbox/gateway/pay/{session id}</c>.</summary>
    public const string Pay = "/sandbox/gateway/pay";

    public const string Webhook = "/payments/webhook";
}
