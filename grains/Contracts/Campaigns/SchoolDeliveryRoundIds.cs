using System.Security.Cryptography;
using System.Text;
using Actors.Contracts.Idempotency;
using Actors.Contracts.Identity;

namespace Actors.Contracts.Campaigns;

/// <summary>A round's id comes from its preparer and idempotency key: a retried prepareSchoolDelivery reaches the same round.</summary>
public static class SchoolDeliveryRoundIds
{
    public static Guid For(Actor actor, string idempotencyKey)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("school-delivery\u001f" + IdempotencyPolicy.ScopeOf(actor, idempotencyKey)));
        return new Guid(hash.AsSpan(0, 16));
    }
}
