using System.Security.Cryptography;
using System.Text;
using Actors.Contracts.Identity;
using Actors.Contracts.Idempotency;

namespace Actors.Contracts.Campaigns;

/// <summary>
/// A new campaign's id comes from its creator and idempotency key, so that a retried createCampaign reaches the same
/// grain and gets the same campaign instead of a second one.
/// </summary>
public static class CampaignIds
{
    public static Guid For(Actor actor, string idempotencyKey)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("campaign\u001f" + IdempotencyPolicy.ScopeOf(actor, idempotencyKey)));
        return new Guid(hash.AsSpan(0, 16));
    }
}
