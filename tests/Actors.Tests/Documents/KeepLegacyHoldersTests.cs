using Actors.Contracts.Documents;
using Microsoft.Extensions.DependencyInjection;
using static Actors.Tests.Documents.LegacyHolderIssues;

namespace Actors.Tests.Documents;

/// <summary>
/// <c>Documents:KeepLegacyHolders</c>, the rollout mode: silos of the previous release still record documents under the
/// unkeyed holder key, so this build records under both keys and lets the unkeyed holder decide which document is
/// valid; nothing is adopted or deleted until the setting is turned off after the rollout (docs/operations.md).
/// </summary>
public sealed class KeepLegacyHoldersTests(KeepLegacyHoldersApiFactory host) : IClassFixture<KeepLegacyHoldersApiFactory>
{
    private const string Center = "TN11-BJ1";

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
        await Document(first).Issue(OldReleaseIssue(first, applicant, citizen, Center, now));
        await Document(second).Issue(OldReleaseIssue(second, applicant, citizen, Center, now + TimeSpan.FromMinutes(1)) with { HolderKey = keyedKey, LegacyHolderKey = legacyKey });
        Assert.Equal(DocumentStatus.Superseded, (await Document(first).Read(citizen))!.Status);
        Assert.Equal(second, (await Document(first).Read(citizen))!.SupersededBy);
        Assert.Equal(DocumentStatus.Valid, (await Document(second).Read(citizen))!.Status);

        await Document(third).Issue(OldReleaseIssue(third, applicant, citizen, Center, now + TimeSpan.FromMinutes(2)));
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
}
