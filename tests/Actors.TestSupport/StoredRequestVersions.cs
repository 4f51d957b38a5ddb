using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace Actors.TestSupport;

/// <summary>
/// What PostgreSQL holds of each ID card request (the grains' JSON state), against what clients were told: a step the
/// API acknowledged is lost when the stored version of its request is below the acknowledged one (or the request is
/// missing). A stored version above it is no loss: a step committed whose answer the client never heard.
/// </summary>
public static class StoredRequestVersions
{
    /// <summary>Request id ("D" format) → stored version, for every stored request.</summary>
    public static async Task<Dictionary<string, long>> ReadAsync(NpgsqlDataSource database, CancellationToken cancellationToken = default)
    {
        var stored = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var command = database.CreateCommand(
            "SELECT convert_from(payload, 'UTF8') FROM orleans_storage WHERE grain_type = 'citizen-request' AND payload IS NOT NULL");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            using var json = JsonDocument.Parse(reader.GetString(0));
            stored[json.RootElement.GetProperty("Id").GetGuid().ToString("D")] = json.RootElement.GetProperty("Version").GetInt64();
        }

        return stored;
    }

    /// <summary>
    /// Acknowledged steps not found in PostgreSQL, as "key: why" lines. The acknowledged versions are read before the
    /// database, so a step acknowledged meanwhile can only make the database look ahead, never behind.
    /// </summary>
    public static async Task<List<string>> LostAsync(RequestWorkload workload, NpgsqlDataSource database, CancellationToken cancellationToken = default)
    {
        var acknowledged = workload.Cases.Where(c => c.Id is not null).Select(c => (c.IdempotencyKey, c.Id!, c.AcknowledgedVersion)).ToList();
        var stored = await ReadAsync(database, cancellationToken);
        var lost = new List<string>();
        foreach (var (key, id, version) in acknowledged)
        {
            var storedVersion = stored.GetValueOrDefault(RequestKey(id));
            if (storedVersion < version)
            {
                lost.Add($"{key}: acknowledged at version {version}, stored {(storedVersion == 0 ? "nothing" : "version " + storedVersion)}");
            }
        }

        return lost;
    }

    /// <summary>The request id inside a global id ("CitizenRequest:&lt;guid&gt;" in base64url), "D" formatted.</summary>
    public static string RequestKey(string globalId)
    {
        var decoded = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(globalId));
        return Guid.Parse(decoded[(decoded.IndexOf(':', StringComparison.Ordinal) + 1)..]).ToString("D");
    }
}
