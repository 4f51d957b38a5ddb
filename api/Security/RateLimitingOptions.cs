namespace Actors.Api.Security;

/// <summary>
/// Requests per client address and per identity (issuer and subject) in each <see cref="Window"/>, on the endpoints
/// anyone can reach (<c>/graphql</c> and its WebSocket upgrade, <c>/dev/token</c>, <c>/payments/webhook</c>,
/// <c>/exports/*</c>, <c>/documents/*.pdf</c>), each endpoint with its own budget. Expensive work (exports, and GraphQL
/// operations that read progress or fund use or whose static cost reaches <see cref="ExpensiveCost"/>) also draws on
/// a second, smaller budget. Both the address and the identity budget apply: many people behind one address are
/// limited together, one person with many addresses is limited too.
/// </summary>
public sealed class RateLimitingOptions
{
    public const string Section = "RateLimits";

    /// <summary>The fixed window the permits are counted in.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Per client address and endpoint. High, since carriers put many subscribers behind one address.</summary>
    public int PerAddress { get; set; } = 3_000;

    /// <summary>Per identity (a valid bearer token's issuer and subject) and endpoint.</summary>
    public int PerIdentity { get; set; } = 1_200;

    public int ExpensivePerAddress { get; set; } = 300;

    public int ExpensivePerIdentity { get; set; } = 120;

    /// <summary>A GraphQL operation whose static cost (see docs/security.md) reaches this is expensive.</summary>
    public long ExpensiveCost { get; set; } = 1_000;
}
