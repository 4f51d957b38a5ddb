using System.Globalization;
using Actors.SignedDocuments;
using Actors.Tests.Infrastructure;

namespace Actors.Tests.SignedDocuments;

/// <summary>The keys endpoint of a host run as production runs it: the configured key, nothing generated.</summary>
[Collection(ProductionApiCollection.Name)]
public sealed class ProductionDocumentKeysTests(ProductionApiFactory api)
{
    [Fact]
    public async Task Publishes_the_configured_key()
    {
        using var configured = DocumentSigningKey.FromPem(TestDocumentKey.Pem, DateTimeOffset.Parse(TestDocumentKey.SignsFrom, CultureInfo.InvariantCulture));

        var set = PublishedKeySet.FromJson(await api.Http.GetStringAsync("/.well-known/document-keys", TestContext.Current.CancellationToken));

        var key = Assert.Single(set.Keys);
        Assert.Equal((configured.KeyIdText, configured.SignsFrom), (key.KeyId, key.ValidFrom));
    }
}
