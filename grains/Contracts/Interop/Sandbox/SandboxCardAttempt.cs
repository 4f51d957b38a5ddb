namespace Actors.Contracts.Interop.Sandbox;

/// <summary>One card typed on the hosted page, reduced to what the sandbox may keep: its behaviour and last four digits.</summary>
[GenerateSerializer, Immutable]
public sealed record SandboxCardAttempt(
    [property: Id(0)] SandboxCard Card,
    [property: Id(1)] string Last4);
