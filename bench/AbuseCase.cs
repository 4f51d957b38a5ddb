namespace Actors.Bench;

/// <summary>One kind of oversized or expensive request and how to send it once.</summary>
/// <param name="Expected">The refusal the server's bounds promise (docs/security.md), for the table.</param>
/// <param name="OverWebSocket">WebSocket cases are slower to set up (a socket, sometimes fifty): they are tried fewer times.</param>
public sealed record AbuseCase(string Name, string Expected, bool OverWebSocket, Func<CancellationToken, Task<AbuseTry>> TryAsync);
