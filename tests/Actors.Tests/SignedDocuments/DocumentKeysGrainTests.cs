using Actors.Contracts.Documents;
using Actors.SignedDocuments;
using Actors.Tests.Infrastructure;

namespace Actors.Tests.SignedDocuments;

[Collection(ClusterCollection.Name)]
public sealed class DocumentKeysGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Every_silo_publishes_the_configured_key()
    {
        using var configured = DocumentSigningKey.FromPem(TestDocumentKey.Pem, DateTimeOffset.Parse(TestDocumentKey.SignsFrom, System.Globalization.CultureInfo.InvariantCulture));

        // A stateless worker answers on whichever silo the call lands: several calls, one answer.
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => fixture.Grains.GetGrain<IDocumentKeysGrain>(0).PublishedJson()));

        Assert.Single(answers.Distinct(StringComparer.Ordinal));
        var set = PublishedKeySet.FromJson(answers[0]);
        Assert.Equal("TN-MI", set.Issuer);
        var key = Assert.Single(set.Keys);
        Assert.Equal(configured.KeyIdText, key.KeyId);
        Assert.Equal(configured.SignsFrom, key.ValidFrom);
        Assert.Null(key.ValidTo);
    }
}
