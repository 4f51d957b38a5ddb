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

    /// <summary>Rows read per page of the index.</summary>
    private const int PageSize = 5_000;

    /// <summary>A day's requests handed to its bucket at once, when that many have gathered.</summary>
    private const int ScheduleAt = 10_000;

    /// <summary>Requests gathered over every day at most, before the fullest days are handed over early.</summary>
    private const int GatheredAtMost = 100_000;

    /// <summary>Schedules every final request of the index that is not purged; returns how many it scheduled.</summary>
    /// <remarks>
    /// A day's bucket rewrites its whole list at each call, and the index's order (by id) spreads every day over every
    /// page: handed over page by page, a million requests meant thousands of rewrites of every day's growing list
    /// (100,000 requests, 63,547 of them final, took 64 s at first start; the work grew with the square of the size).
    /// Each day's requests are gathered across pages instead and handed over ten thousand at a time, so a day's list
    /// is written a few times, while what is held in memory stays bounded.
    /// </remarks>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var policy = settings.Policy();
        var finals = policy.Periods.Select(p => p.Status.ToString()).ToArray();
        var gathered = new Dictionary<DateOnly, List<Guid>>();
        var held = 0;
        var after = Guid.Empty;
        var scheduled = 0;
        var started = false;

        async Task HandOver(IEnumerable<DateOnly> days, DateTimeOffset now)
        {
            var handed = days.Select(day => (Day: day, Requests: gathered[day])).ToList();
            if (handed.Count == 0)
            {
                return;
            }

            if (!started)
            {
                // As a schedule through the outbox does: the sweep's reminder exists before the buckets fill.
                await grains.Reference<IRetentionGrain>(0).Start();
                started = true;
            }

            await Task.WhenAll(handed.Select(day =>
                grains.Reference<IRetentionDayGrain>(RetentionDays.KeyOf(day.Day)).Schedule(day.Requests, policy, now)));
            foreach (var (day, requests) in handed)
            {
                gathered.Remove(day);
                held -= requests.Count;
                scheduled += requests.Count;
            }
        }

        while (true)
        {
            var page = await Page(finals, after, PageSize, cancellationToken);
            var now = clock.GetUtcNow();
            if (page.Count == 0)
            {
                await HandOver(gathered.Keys.ToList(), now);
                return scheduled;
            }

            foreach (var row in page)
            {
                if (policy.DueAt(row.Status, row.FinalAt ?? row.SubmittedAt) is not { } dueAt)
                {
                    continue;
                }

                var day = RetentionDays.BucketFor(dueAt, now);
                if (!gathered.TryGetValue(day, out var requests))
                {
                    gathered[day] = requests = [];
                }

                requests.Add(row.Id);
                held++;
            }

            await HandOver(gathered.Where(day => day.Value.Count >= ScheduleAt).Select(day => day.Key).ToList(), now);
            if (held > GatheredAtMost)
            {
                // Many days, none full yet: the fullest go now, until half the bound is held.
                var early = new List<DateOnly>();
                var left = held;
                foreach (var (day, requests) in gathered.OrderByDescending(day => day.Value.Count))
                {
                    if (left <= GatheredAtMost / 2)
                    {
                        break;
                    }

                    early.Add(day);
                    left -= requests.Count;
                }

                await HandOver(early, now);
            }

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
