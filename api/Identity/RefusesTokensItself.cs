namespace Actors.Api.Identity;

/// <summary>
/// Endpoint metadata: this endpoint answers a refused bearer token in its own protocol's terms (GraphQL's errors over
/// HTTP, a close code over WebSocket), so <see cref="ActorsBearerHandler"/> leaves the refusal to it.
/// </summary>
public sealed class RefusesTokensItself
{
    public static RefusesTokensItself Instance { get; } = new();

    private RefusesTokensItself()
    {
    }
}
