namespace Actors.Contracts.Interop.Sandbox;

/// <summary>What one card attempt (or 3-D Secure code) came to, and the order after it (null for an unknown session).</summary>
[GenerateSerializer, Immutable]
public sealed record SandboxCardResult(
    [property: Id(0)] SandboxCardOutcome Outcome,
    [property: Id(1)] SandboxGatewayOrder? Order);
