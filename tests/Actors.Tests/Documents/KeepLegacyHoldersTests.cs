using Actors.Contracts.Documents;
using Actors.Contracts.Identity;
using Actors.Contracts.Requests;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Tests.Documents;

/// <summary>
/// <c>Documents:KeepLegacyHolders</c>, the rollout mode: silos of the previous release still record documents under the
/// unkeyed holder key, so this build records under both keys and lets the unkeyed holder decide which document is
/// valid; nothing is adopted or deleted until the setting is turned off after the rollout (docs/operations.md).
/// </summary>
public sealed class KeepLegacyHoldersTests(KeepLegacyHoldersApiFactory host) : IClassFixture<KeepLegacyHoldersApiFactory>
{
    private IGrainFactory Grains => host.Services.GetRequiredService<IGrainFactory>();

    [Fact]
    public async Task During_the_rollout_old_and_new_silos_keep_one_valid_document_per_holder_through_the_unkeyed_holder()
    {
        var keys = host.Services.GetRequiredService<IDocumentHolderKeys>();
        Assert.True(keys.KeepsLegacyHolders);
        var (applicant, citizen) = NewHolder();
        var legacyKey = DocumentHolders.LegacyKeyOf(applicant);
        var keyedKey = keys.KeyOf(applicant);
        var now = DateTimeOffset.UtcNow;

        // An old silo's extract, then one of this build, then another old silo's: each newer one supersedes the last.
        var (first, second, third) = (NewNumber(), NewNumber(), NewNumber());
        await Document(first).Issue(OldReleaseIssue(first, applicant, citizen, now));
        await Document(second).Issue(OldReleaseIssue(second, applicant, citizen, now + TimeSpan.FromMinutes(1)) with { HolderKey = keyedKey, LegacyHolderKey = legacyKey });
        Assert.Equal(DocumentStatus.Superseded, (await Document(first).Read(citizen))!.Status);
        Assert.Equal(second, (await Document(first).Read(citizen))!.SupersededBy);
        Assert.Equal(DocumentStatus.Valid, (await Document(second).Read(citizen))!.Status);

        await Document(third).Issue(OldReleaseIssue(third, applicant, citizen, now + TimeSpan.FromMinutes(2)));
        Assert.Equal(DocumentStatus.Superseded, (await Document(second).Read(citizen))!.Status);
        Assert.Equal(third, (await Document(second).Read(citizen))!.SupersededBy);
        Assert.Equal(DocumentStatus.Valid, (await Document(third).Read(citizen))!.Status);

        // Nothing adopted: the unkeyed holder lists every document, the keyed one what this build recorded.
        Assert.Equal(new[] { first, second, third }.Order(StringComparer.Ordinal), await Numbers(legacyKey));
        Assert.Equal([second], await Numbers(keyedKey));

        // This build's document kept the unkeyed key, so its purge forgets it under both.
        Assert.True(await Document(second).Purge());
        Assert.Equal(new[] { first, third }.Order(StringComparer.Ordinal), await Numbers(legacyKey));
        Assert.Empty(await Numbers(keyedKey));
    }

    private IIssuedDocumentGrain Document(string number) => Grains.GetGrain<IIssuedDocumentGrain>(number);

    private async Task<List<string>> Numbers(string holderKey) =>
        [.. (await Grains.GetGrain<IDocumentHolderGrain>(holderKey).Documents()).Select(d => d.Number).Order(StringComparer.Ordinal)];

    private static string NewNumber() => "KL" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    /// <summary>An issue as the previous release made it: the unkeyed key as the holder key, no legacy key.</summary>
    private static DocumentIssue OldReleaseIssue(string number, Applicant applicant, Actor citizen, DateTimeOffset issuedAt) =>
        new(number, Guid.NewGuid(), RequestKind.CriminalRecordExtract, citizen.Subject, "TN11-BJ1", "Tunis", DocumentHolders.LegacyKeyOf(applicant),
            applicant.GivenName, applicant.FamilyName, applicant.GivenNameLatin, applicant.FamilyNameLatin, applicant.BirthDate, issuedAt,
            citizen.Issuer, applicant.NationalIdNumber);

    private static (Applicant Applicant, Actor Citizen) NewHolder()
    {
        var unique = Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var nationalId = "7" + unique;
        var applicant = new Applicant("ياسين", "البجاوي", new DateOnly(1991, 6, 14), "Béja", nationalId, "Yassine", "Bejaoui" + unique);
        var citizen = new Actor("citizen-" + Guid.NewGuid().ToString("N")[..8], ActorRole.Citizen, NationalIdNumber: nationalId);
        return (applicant, citizen);
    }
}
