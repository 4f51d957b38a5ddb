using Actors.SignedDocuments;

namespace Actors.Verify;

/// <summary>The published keys, from the issuer's endpoint or from a file saved from it (for a machine with no network).</summary>
public static class KeySource
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    /// <exception cref="VerifyUsageException">The keys cannot be fetched or read.</exception>
    public static async Task<PublishedKeySet> Load(string keys)
    {
        string json;
        if (Uri.TryCreate(keys, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            using var http = new HttpClient { Timeout = Timeout };
            try
            {
                json = await http.GetStringAsync(uri);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                throw new VerifyUsageException($"The published keys at {uri} could not be fetched ({e.Message}). Offline, pass a saved copy with --keys <file>.", e);
            }
        }
        else if (File.Exists(keys))
        {
            json = await File.ReadAllTextAsync(keys);
        }
        else
        {
            throw new VerifyUsageException($"--keys: {keys} is neither an http(s) URL nor an existing file.");
        }

        try
        {
            return PublishedKeySet.FromJson(json);
        }
        catch (DocumentFormatException e)
        {
            throw new VerifyUsageException($"The published keys from {keys} cannot be used: {e.Message}", e);
        }
    }
}
