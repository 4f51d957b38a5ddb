using Actors.Contracts.Documents;
using Actors.Contracts.Naming;
using Actors.Contracts.Outbox;
using Actors.Contracts.Requests;
using Npgsql;

namespace Actors.Persistence.Documents;

/// <summary>
/// Adopts, under the keyed holder key, the holders an earlier release stored under the unkeyed one, for every issued
/// request that is not purged: holders no new document reaches would otherwise keep their unkeyed row until their purge.
/// Pages through the request index by id; the applicant comes from the indexed view. Idempotent: a holder already
/// adopted (or never stored under the unkeyed key) finds nothing to adopt.
/// </summary>
public sealed class DocumentHolderBackfill(NpgsqlDataSource database, IGrainFactory grains)
{
    private const int PageSize = 200;

    private const string PageSql = """
        SELECT id, (document -> 'applicant')::text
        FROM request_index
        WHERE id > $1 AND document ->> 'documentCode' IS NOT NULL AND document ->> 'purgedAt' IS NULL
          AND jsonb_typeof(document -> 'applicant') = 'object'
        ORDER BY id
        LIMIT $2
        """;

    /// <summary>Visits every issued, unpurged request's holder; returns how many it visited.</summary>
    public async Task<int> RunAsync(IDocumentHolderKeys keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var after = Guid.Empty;
        var visited = 0;
        while (true)
        {
            var page = new List<(Guid Id, Applicant Applicant)>();
            await using (var command = database.CreateCommand(PageSql))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = after });
                command.Parameters.Add(new NpgsqlParameter { Value = PageSize });
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    page.Add((reader.GetGuid(0), OutboxJson.Deserialize<Applicant>(reader.GetString(1))));
                }
            }

            if (page.Count == 0)
            {
                return visited;
            }

            foreach (var (_, applicant) in page)
            {
                await grains.Reference<IDocumentHolderGrain>(keys.KeyOf(applicant)).Adopt(DocumentHolders.LegacyKeyOf(applicant));
                visited++;
            }

            after = page[^1].Id;
        }
    }
}
