using System.Security.Cryptography;
using System.Text;
using Actors.Contracts.Documents;
using Actors.Contracts.Errors;
using Actors.Contracts.Identity;
using Actors.Contracts.Naming;
using Actors.Contracts.Requests;
using Actors.Contracts.Scheduling;
using Actors.Grains.Documents.Keys;
using Actors.SignedDocuments;
using Microsoft.Extensions.Options;

namespace Actors.Grains.Documents;

public sealed class IssuedDocumentGrain(
    [PersistentState(StorageNames.IssuedDocumentState, StorageNames.Domain)] IPersistentState<IssuedDocumentState> state,
    DocumentKeyRingProvider keyRing,
    IOptions<DocumentAccessOptions> options,
    IDocumentHolderKeys holderKeys,
    TimeProvider clock)
    : Grain, IIssuedDocumentGrain
{
    /// <summary>Live links kept per document: enough for a few devices, bounded against a loop.</summary>
    private const int MaxLiveLinks = 10;

    private IssuedDocumentState S => state.State;

    private SigningKeyRing Keys => keyRing.Ring;

    private string Number => this.GetPrimaryKeyString();

    public async Task<IssuedDocument> Issue(DocumentIssue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        if (S.Issue is { } existing)
        {
            // A number is random and issued once; a second, different issue would be a collision.
            if (existing.RequestId != issue.RequestId)
            {
                throw new InvalidOperationException("Document number collision.");
            }
        }
        else
        {
            Seal(issue);
            await state.WriteStateAsync();
        }

        if (!S.HolderRecorded)
        {
            await RecordForHolder(issue.LegacyHolderKey);
        }

        return View();
    }

    public Task<DocumentLookup> Lookup(DateOnly holderBirthDate)
    {
        if (S.Issue is not { } issue)
        {
            return Task.FromResult(new DocumentLookup(false, null));
        }

        // Purged: there is no birth date left to match, and no name to answer with.
        if (S.PurgedAt is not null || issue.BirthDate != holderBirthDate)
        {
            return Task.FromResult(new DocumentLookup(true, null));
        }

        var latin = issue.GivenNameLatin is { } given && issue.FamilyNameLatin is { } family ? $"{given} {family}" : null;
        return Task.FromResult(new DocumentLookup(true, new DocumentCheckAnswer(
            StatusNow(), issue.Kind, TunisTime.DayOf(issue.IssuedAt), TunisTime.DayOf(S.ValidUntil),
            $"{issue.GivenName} {issue.FamilyName}", latin, issue.IssuedAt)));
    }

    public Task<IssuedDocument?> Read(Actor actor) =>
        Task.FromResult(S.Issue is { } issue && S.PurgedAt is null && MaySee(actor, issue) ? View() : null);

    public async Task<IssuedDocument> Revoke(Actor actor, RevocationReason reason, string? note)
    {
        var operation = DocumentOperations.RevokeDocument;
        if (S.Issue is not { } issue || !MaySee(actor, issue))
        {
            throw new DomainException(DomainError.NotFound());
        }

        if (actor.Role != ActorRole.Supervisor)
        {
            throw operation.Refuse(ErrorCodes.NotAllowed, "Only a supervisor of the document's governorate revokes it.");
        }

        if (S.Revocation is not null)
        {
            throw operation.Refuse(ErrorCodes.InvalidTransition, "The document is already revoked.", ("status", "REVOKED"));
        }

        S.Revocation = new DocumentRevocation(reason, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), clock.GetUtcNow(), actor.Describe());
        await state.WriteStateAsync();
        return View();
    }

    public async Task Supersede(string newerNumber, DateTimeOffset at)
    {
        if (S.Issue is null || S.SupersededBy is not null || newerNumber == Number)
        {
            return;
        }

        S.SupersededBy = newerNumber;
        S.SupersededAt = at;
        await state.WriteStateAsync();
    }

    public async Task MoveHolder(string fromKey, string toKey)
    {
        if (S.Issue is not { } issue || string.IsNullOrEmpty(fromKey))
        {
            return;
        }

        var moved = issue with
        {
            HolderKey = issue.HolderKey == fromKey ? toKey : issue.HolderKey,
            LegacyHolderKey = issue.LegacyHolderKey == fromKey ? "" : issue.LegacyHolderKey,
        };
        if (moved != issue)
        {
            S.Issue = moved;
            await state.WriteStateAsync();
        }
    }

    public async Task<DocumentDownloadLink> CreateDownloadLink(Actor actor)
    {
        var operation = DocumentOperations.CreateDownloadLink;
        var issue = S.Issue is { } found && S.PurgedAt is null && MaySee(actor, found) ? found : throw new DomainException(DomainError.NotFound());
        if (actor.Role != ActorRole.Citizen || !RequestAccess.IsOwner(actor, issue.Owner()))
        {
            throw operation.Refuse(ErrorCodes.NotAllowed, "Only the document's owner makes a download link.");
        }

        var status = StatusNow();
        if (status is DocumentStatus.Revoked or DocumentStatus.Superseded)
        {
            throw operation.Refuse(ErrorCodes.InvalidTransition,
                $"The document is {SchemaText.Of(status)}: it can no longer be downloaded.", ("status", SchemaText.Of(status)));
        }

        var now = clock.GetUtcNow();
        S.DownloadLinks.RemoveAll(l => l.UsedAt is not null || l.ExpiresAt <= now);
        if (S.DownloadLinks.Count >= MaxLiveLinks)
        {
            S.DownloadLinks.RemoveAt(0);
        }

        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var expiresAt = now + options.Value.DownloadLinkLifetime;
        S.DownloadLinks.Add(new DownloadLinkRecord { TokenHash = TokenHash(token), ExpiresAt = expiresAt });
        await state.WriteStateAsync();
        return new DocumentDownloadLink(Number, token, expiresAt);
    }

    public async Task<IssuedDocument?> RedeemDownloadLink(string token)
    {
        if (S.Issue is null || S.PurgedAt is not null || string.IsNullOrEmpty(token))
        {
            return null;
        }

        var hash = TokenHash(token);
        var now = clock.GetUtcNow();
        var link = S.DownloadLinks.Find(l => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(l.TokenHash), Encoding.ASCII.GetBytes(hash)));
        if (link is null || link.UsedAt is not null || link.ExpiresAt <= now)
        {
            return null;
        }

        link.UsedAt = now;
        await state.WriteStateAsync();
        return View();
    }

    public async Task<bool> Purge()
    {
        if (S.Issue is not { } issue || S.PurgedAt is not null)
        {
            return false;
        }

        // The holder's list forgets the document first: a failure after it leaves the document unpurged, and the
        // retried purge finds the list without it.
        foreach (var holderKey in new[] { issue.HolderKey, issue.LegacyHolderKey }.Where(k => k.Length > 0))
        {
            await GrainFactory.Reference<IDocumentHolderGrain>(holderKey).Forget(Number);
        }

        // The seal is the holder's names and birth date signed: it goes with them. The holder key is a hash of the
        // holder's identity, which names and a birth date could be tried against. The owner's card number goes as it
        // does from the request. Links would only lead to nothing.
        S.Issue = issue with
        {
            HolderKey = "", LegacyHolderKey = "", GivenName = "", FamilyName = "", GivenNameLatin = null, FamilyNameLatin = null, BirthDate = default,
            OwnerNationalIdNumber = null,
        };
        S.QrText = "";
        S.DownloadLinks.Clear();
        S.PurgedAt = clock.GetUtcNow();
        await state.WriteStateAsync();
        return true;
    }

    private void Seal(DocumentIssue issue)
    {
        // Whole seconds: the payload carries Unix seconds, and the stored times must say what the seal says.
        var issuedAt = DateTimeOffset.FromUnixTimeSeconds(issue.IssuedAt.ToUnixTimeSeconds());
        var validUntil = issuedAt + Keys.Validity;
        var signer = Keys.SignerAt(issuedAt);
        var payload = new DocumentPayload(
            Number, DocumentPayload.CriminalRecordExtract, Keys.Issuer,
            issue.GivenName, issue.FamilyName, issue.GivenNameLatin, issue.FamilyNameLatin,
            issue.BirthDate, DocumentPayload.NoEntries, issuedAt, validUntil);
        // The unkeyed key is kept only while legacy holders are written (its purge forgets the document there too).
        S.Issue = issue with { IssuedAt = issuedAt, LegacyHolderKey = holderKeys.KeepsLegacyHolders ? issue.LegacyHolderKey : "" };
        S.ValidUntil = validUntil;
        S.Issuer = Keys.Issuer;
        S.KeyId = signer.KeyIdText;
        S.QrText = DocumentSeal.Seal(payload, signer);
    }

    /// <summary>Supersedes the holder's older documents, or this one when a newer one was recorded first.</summary>
    /// <param name="legacyKey">The holder's unkeyed key (empty from an old release, whose holder key is the unkeyed one).</param>
    private async Task RecordForHolder(string legacyKey)
    {
        var issue = S.Issue!;
        var holder = GrainFactory.Reference<IDocumentHolderGrain>(issue.HolderKey);
        HolderStanding standing;
        if (legacyKey.Length == 0 || legacyKey == issue.HolderKey)
        {
            standing = await holder.Record(Number, issue.IssuedAt);
        }
        else if (holderKeys.KeepsLegacyHolders)
        {
            // During the rollout old silos record under the legacy key only: the legacy holder sees every document and
            // decides; the keyed one keeps its own list for the adoption that follows the rollout.
            var keyed = await holder.Record(Number, issue.IssuedAt);
            var legacy = await GrainFactory.Reference<IDocumentHolderGrain>(legacyKey).Record(Number, issue.IssuedAt);
            standing = legacy.Newest is not null || keyed.Newest is not null
                ? new HolderStanding([], legacy.Newest ?? keyed.Newest)
                : new HolderStanding(legacy.Older.Union(keyed.Older).ToList(), null);
        }
        else
        {
            standing = await holder.RecordAdopting(Number, issue.IssuedAt, legacyKey);
        }

        foreach (var older in standing.Older)
        {
            await GrainFactory.Reference<IIssuedDocumentGrain>(older).Supersede(Number, issue.IssuedAt);
        }

        if (standing.Newest is { } newest && S.SupersededBy is null)
        {
            S.SupersededBy = newest;
            S.SupersededAt = issue.IssuedAt;
        }

        S.HolderRecorded = true;
        await state.WriteStateAsync();
    }

    private DocumentStatus StatusNow() =>
        S.Revocation is not null ? DocumentStatus.Revoked
        : S.SupersededBy is not null ? DocumentStatus.Superseded
        : clock.GetUtcNow() >= S.ValidUntil ? DocumentStatus.Expired
        : DocumentStatus.Valid;

    private static bool MaySee(Actor actor, DocumentIssue issue) =>
        actor.Role is ActorRole.Citizen or ActorRole.Agent or ActorRole.Supervisor
        && RequestAccess.IsInScope(actor, issue.Owner(), issue.CenterId, issue.Governorate);

    private IssuedDocument View()
    {
        var issue = S.Issue!;
        return new IssuedDocument(
            Number, issue.Kind, issue.RequestId, issue.GivenName, issue.FamilyName, issue.GivenNameLatin, issue.FamilyNameLatin,
            issue.BirthDate, issue.IssuedAt, S.ValidUntil, S.Issuer, S.KeyId, S.QrText, StatusNow(), S.Revocation, S.SupersededBy, S.SupersededAt);
    }

    private static string TokenHash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
