using System.Net;
using System.Net.Http.Headers;
using Actors.Grains.Documents.Keys;
using Actors.SignedDocuments;
using Actors.Tests.Infrastructure;

namespace Actors.Tests.SignedDocuments;

/// <summary><c>GET /.well-known/document-keys</c> on the real API over HTTP: the developer's host with its generated key.</summary>
[Collection(ApiCollection.Name)]
public sealed class DocumentKeysEndpointTests(ApiFactory api)
{
    [Fact]
    public async Task Publishes_the_generated_key_cacheably_and_a_document_it_signs_verifies_against_it()
    {
        using var response = await api.Http.GetAsync("/.well-known/document-keys", TestContext.Current.CancellationToken);
        var json = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.True(response.Headers.CacheControl?.Public);
        Assert.Equal(TimeSpan.FromHours(1), response.Headers.CacheControl?.MaxAge);
        Assert.NotNull(response.Headers.ETag);
        var set = PublishedKeySet.FromJson(json);
        var published = Assert.Single(set.Keys);

        // The host kept its key in the test's directory: sign with that very key, verify with what the endpoint says.
        using var key = GeneratedKeyStore.LoadOrCreate(api.DocumentKeyDirectory, DateTimeOffset.UtcNow);
        Assert.Equal(key.KeyIdText, published.KeyId);
        var payload = SampleDocuments.Payload(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        var result = DocumentVerifier.Verify(DocumentSeal.Seal(payload, key), set, DateTimeOffset.UtcNow);
        Assert.Equal(VerificationVerdict.Valid, result.Verdict);
    }

    [Fact]
    public async Task Answers_not_modified_to_a_matching_etag_and_in_full_otherwise()
    {
        using var first = await api.Http.GetAsync("/.well-known/document-keys", TestContext.Current.CancellationToken);
        var etag = first.Headers.ETag!;

        using var revalidate = new HttpRequestMessage(HttpMethod.Get, "/.well-known/document-keys");
        revalidate.Headers.IfNoneMatch.Add(etag);
        using var notModified = await api.Http.SendAsync(revalidate, TestContext.Current.CancellationToken);
        using var stale = new HttpRequestMessage(HttpMethod.Get, "/.well-known/document-keys");
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"an-older-key-set\""));
        using var full = await api.Http.SendAsync(stale, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(etag, notModified.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        Assert.Equal(
            await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
            await full.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
