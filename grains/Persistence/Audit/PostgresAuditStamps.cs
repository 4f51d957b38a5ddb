using Actors.Contracts.Audit;
using Actors.Contracts.Outbox;
using Npgsql;

namespace Actors.Persistence.Audit;

/// <summary>
/// Audit stamps committed beside grain states, as the outbox holds them: one read, an index probe per entry id on the
/// outbox's unique key (aggregate type, aggregate id, version, type). A read of what committed, so no commit of its own.
/// </summary>
public sealed class PostgresAuditStamps(NpgsqlDataSource dataSource) : IAuditStamps
{
    private const string CommittedSql = """
        SELECT aggregate_id FROM outbox
        WHERE aggregate_type = $1 AND aggregate_id = ANY($2) AND version = 1 AND type = $3
        """;

    /// <inheritdoc />
    public async Task<IReadOnlySet<Guid>> CommittedAsync(IReadOnlyCollection<Guid> entryIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entryIds);
        var committed = new HashSet<Guid>();
        if (entryIds.Count == 0)
        {
            return committed;
        }

        await using var command = dataSource.CreateCommand(CommittedSql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = AggregateTypes.AuditStamp });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. entryIds.Select(id => id.ToString())] });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = OutboxEventTypes.AuditStamped });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            committed.Add(Guid.Parse(reader.GetString(0)));
        }

        return committed;
    }
}
