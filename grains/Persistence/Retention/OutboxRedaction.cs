using System.Text.Json.Nodes;
using Actors.Contracts.Outbox;
using Actors.Contracts.Retention.Events;
using Npgsql;

namespace Actors.Persistence.Retention;

/// <summary>
/// A purged request's earlier outbox events lose the personal data they carried: every event of a request carries
/// the request as it was after its step (applicant, guardian, contact, purpose, the reasons written...), so the outbox
/// would otherwise keep a copy of everything the purge removed. The events' skeleton stays (type, version, times,
/// statuses, who acted, center, governorate) for whatever still counts them. Run in the retention consumer's
/// transaction when it reads the <see cref="RequestPurged"/> event, so it happens once the purge is committed, and
/// again harmlessly if the batch is delivered again. A separate step from the outbox's own code on purpose: the
/// outbox stays a log that only its relay and pruning touch, and this is the one place that rewrites it.
/// </summary>
public static class OutboxRedaction
{
    // Members of the request's view (CitizenRequestView, camelCase) that say who the applicant, the guardian or the
    // pupil is or how to reach them, and free texts that may: what CitizenRequestGrain.RemovePersonalData blanks.
    private static readonly string[] PersonalMembers =
        ["applicant", "guardian", "contact", "purpose", "correction", "appointmentNotice", "ownerNationalIdNumber"];

    private const string SelectSql = """
        SELECT seq, payload::text FROM outbox
        WHERE aggregate_type = $1 AND aggregate_id = $2 AND type <> $3
        FOR UPDATE
        """;

    private const string UpdateSql = "UPDATE outbox SET payload = $2::jsonb WHERE seq = $1";

    /// <summary>Redacts the earlier events of every request these events purged; returns how many events changed.</summary>
    public static async Task<int> RedactPurgedAsync(IEnumerable<OutboxEvent> events, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var purged = events
            .Where(e => e.Type == nameof(RequestPurged) && e.AggregateType == AggregateTypes.CitizenRequest)
            .Select(e => e.AggregateId)
            .Distinct(StringComparer.Ordinal);
        var changed = 0;
        foreach (var request in purged)
        {
            changed += await RedactAsync(request, connection, transaction, cancellationToken);
        }

        return changed;
    }

    private static async Task<int> RedactAsync(string request, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var rewrites = new List<(long Seq, string Payload)>();
        await using (var select = new NpgsqlCommand(SelectSql, connection, transaction))
        {
            select.Parameters.Add(new NpgsqlParameter { Value = AggregateTypes.CitizenRequest });
            select.Parameters.Add(new NpgsqlParameter { Value = request });
            select.Parameters.Add(new NpgsqlParameter { Value = nameof(RequestPurged) });
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var payload = reader.GetString(1);
                if (Redact(payload) is { } redacted)
                {
                    rewrites.Add((reader.GetInt64(0), redacted));
                }
            }
        }

        foreach (var (seq, payload) in rewrites)
        {
            await using var update = new NpgsqlCommand(UpdateSql, connection, transaction);
            update.Parameters.Add(new NpgsqlParameter { Value = seq });
            update.Parameters.Add(new NpgsqlParameter { Value = payload });
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        return rewrites.Count;
    }

    /// <summary>
    /// The payload without its personal data, or null when it holds none (already redacted, or an event that carries
    /// no request). The request's copy is under "request" in the request events and under "document" in the index rows
    /// of the previous release (CitizenRequestChanged); a status change's own "reason" is the history entry's.
    /// </summary>
    public static string? Redact(string payload)
    {
        if (JsonNode.Parse(payload) is not JsonObject root)
        {
            return null;
        }

        var changed = Blank(root, "reason");
        foreach (var member in new[] { "request", "document" })
        {
            if (root[member] is JsonObject view)
            {
                changed |= RedactView(view);
            }
        }

        return changed ? root.ToJsonString() : null;
    }

    private static bool RedactView(JsonObject view)
    {
        var changed = false;
        foreach (var member in PersonalMembers)
        {
            changed |= Blank(view, member);
        }

        // The pupil's school is an institution (the campaign counts by it); the grade says more about the child.
        if (view["pupil"] is JsonObject pupil)
        {
            changed |= Blank(pupil, "grade");
        }

        if (view["history"] is JsonArray history)
        {
            foreach (var entry in history.OfType<JsonObject>())
            {
                changed |= Blank(entry, "reason");
            }
        }

        return changed;
    }

    private static bool Blank(JsonObject node, string member)
    {
        if (node[member] is null)
        {
            return false;
        }

        node[member] = null;
        return true;
    }
}
