using Npgsql;

namespace Actors.Tests.DemoData;

/// <summary>The request index's indexes as PostgreSQL defines them, by name: what a bulk load must leave as it found.</summary>
public static class RequestIndexDefinitions
{
    public static async Task<List<(string Name, string Definition)>> ReadAsync(NpgsqlDataSource db)
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var command = db.CreateCommand("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'request_index' ORDER BY indexname");
        await using var reader = await command.ExecuteReaderAsync(cancel);
        var indexes = new List<(string, string)>();
        while (await reader.ReadAsync(cancel))
        {
            indexes.Add((reader.GetString(0), reader.GetString(1)));
        }

        return indexes;
    }
}
