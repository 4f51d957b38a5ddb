using Actors.Contracts.Naming;
using Actors.Contracts.Requests;
using Actors.Contracts.Retention;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Actors.Persistence.Retention;

/// <summary>
/// Puts in their day's bucket the requests that reached a final status before the retention existed: their step into
/// it was delivered before the retention consumer was there, so nothing scheduled their purge. Pages through the request
/// index's final rows by id and schedules each page. Idempotent: a bucket holds a request once, and the request decides
/// when it is due (a row whose final step is not in its document is put in the bucket of its submission's period, which
/// is early, and the request then moves itself to its own day: never a purge too early).
/// </summary>
public sealed class RetentionBackfill(NpgsqlDataSource database, IGrainFactory grains, IOptionsMonitor<RetentionOptions> options, TimeProvider clock)
{
    // The time of the step into the row's status is the last history entry with that status (the index holds the
    // grain's view as camelCase JSON, enums as their names, as the status column). Purged rows are skipped: nothing
    // is left to purge in them.
    private const string PageSql = """
        SELECT id, status, submitted_at,
               (SELECT (entry ->> 'at')::timestamptz
                FROM jsonb_array_elements(CASE WHEN jsonb_typeof(document -> 'history') = 'array' THEN document -> 'history' ELSE '[]'::jsonb END)
                     WITH ORDINALITY AS history(entry, position)
                WHERE entry ->> 'status' = request_index.status
                ORDER BY position DESC LIMIT 1) AS final_at
        FROM request_index
        WHERE status = ANY($1) AND id > $2 AND (document IS NULL OR document ->> 'purgedAt' IS NULL)
        ORDER BY id
        LIMIT $3
        """;

    /// <summary>Schedules every final request of the index that is not purged; returns how many it scheduled.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var policy = settings.Policy();
        var finals = policy.Periods.Select(p => p.Status.ToString()).ToArray();
        var after = Guid.Empty;
        var scheduled = 0;
        var started = false;
        while (true)
        {
            var page = await Page(finals, after, settings.BatchSize, cancellationToken);
            if (page.Count == 0)
            {
                return scheduled;
            }

            var now = clock.GetUtcNow();
            var due = page
                .Select(row => (row.Id, DueAt: policy.DueAt(row.Status, row.FinalAt ?? row.SubmittedAt)))
                .Where(row => row.DueAt is not null)
                .Select(row => (row.Id, DueAt: row.DueAt!.Value))
                .ToList();
            if (due.Count > 0 && !started)
            {
                // As a schedule through the outbox does: the sweep's reminder exists before the buckets fill.
                await grains.Reference<IRetentionGrain>(0).Start();
                started = true;
            }

            await Task.WhenAll(due
                .GroupBy(row => RetentionDays.BucketFor(row.DueAt, now))
                .Select(day => grains.Reference<IRetentionDayGrain>(RetentionDays.KeyOf(day.Key))
                    .Schedule(day.Select(row => row.Id).ToList(), policy, now)));
            scheduled += due.Count;
            after = page[^1].Id;
        }
    }

    private async Task<List<(Guid Id, RequestStatus Status, DateTimeOffset SubmittedAt, DateTimeOffset? FinalAt)>> Page(
        string[] finals, Guid after, int size, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(PageSql);
        command.Parameters.Add(new NpgsqlParameter { Value = finals });
        command.Parameters.Add(new NpgsqlParameter { Value = after });
        command.Parameters.Add(new NpgsqlParameter { Value = size });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<(Guid, RequestStatus, DateTimeOffset, DateTimeOffset?)>(size);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((
                reader.GetGuid(0),
                Enum.Parse<RequestStatus>(reader.GetString(1)),
                reader.GetFieldValue<DateTimeOffset>(2),
                reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return rows;
    }
}
