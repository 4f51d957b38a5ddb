using Actors.Contracts.Campaigns;
using Actors.Contracts.Identity;
using Actors.Contracts.Naming;

namespace Actors.Api.Campaigns;

/// <summary>
/// Streams a pupil list into the campaign's schools: rows are read one at a time, gathered per school, and sent to the
/// school's enrolment grain in batches (several schools at once), each batch's outcome recorded on the import's
/// document as it goes. Memory stays bounded by the batch size, whatever the file's length.
/// </summary>
public sealed class EnrolmentImporter(IGrainFactory grains)
{
    public const int RowsPerBatch = 2000;

    /// <summary>Imports the records after the header; rejections of unreadable rows are recorded like the grain's.</summary>
    public async Task<EnrolmentImportView> Import(
        Actor actor, CampaignView campaign, EnrolmentFile file, IAsyncEnumerable<EnrolmentCsvRecord> records, IEnrolmentImportGrain import,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(import);
        var schools = campaign.Schools.Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        var pending = new Dictionary<string, List<EnrolmentRow>>(StringComparer.Ordinal);
        var unreadable = new List<EnrolmentRejection>();
        var firstOf = new Dictionary<string, (string School, int Line)>(StringComparer.Ordinal);
        var (rowsRead, buffered) = (0, 0);
        try
        {
            await foreach (var record in records.WithCancellation(cancellationToken))
            {
                if (record.Problem is null && record.Fields.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                rowsRead++;
                var row = file.Row(record, schools, out var rejection);

                // The schools of a batch enrol in parallel; an id under two schools of one batch goes to its first line, as it
                // does across batches, which are sent in file order.
                if (row is not null && !string.IsNullOrWhiteSpace(row.EnrolmentId) && firstOf.TryGetValue(row.EnrolmentId, out var first)
                    && !string.Equals(first.School, row.SchoolCode, StringComparison.Ordinal))
                {
                    rejection = new EnrolmentRejection(row.Line, row.EnrolmentId,
                        $"Enrolment {row.EnrolmentId} already appears on line {first.Line} for school {first.School}.");
                    row = null;
                }

                if (row is not null)
                {
                    firstOf.TryAdd(row.EnrolmentId, (row.SchoolCode, row.Line));
                    if (!pending.TryGetValue(row.SchoolCode, out var rows))
                    {
                        pending[row.SchoolCode] = rows = [];
                    }

                    rows.Add(row);
                }
                else
                {
                    unreadable.Add(rejection!);
                }

                buffered++;
                if (buffered >= RowsPerBatch)
                {
                    await Flush(actor, campaign.Id, pending, unreadable, rowsRead, import);
                    firstOf.Clear();
                    buffered = 0;
                }
            }

            await Flush(actor, campaign.Id, pending, unreadable, rowsRead, import);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or Microsoft.AspNetCore.Http.BadHttpRequestException)
        {
            // The connection dropped mid-file: what was recorded stays enrolled, and the same file again finishes the job.
            await import.Finish($"The upload stopped after {rowsRead} rows ({ex.GetType().Name}); send the same file again to finish.");
            throw;
        }

        return await import.Finish(null);
    }

    private async Task Flush(
        Actor actor, Guid campaignId, Dictionary<string, List<EnrolmentRow>> pending, List<EnrolmentRejection> unreadable, int rowsRead,
        IEnrolmentImportGrain import)
    {
        var accepted = await HeldOnce(campaignId, pending, unreadable);
        var results = await Task.WhenAll(accepted.Where(school => school.Value.Count > 0).Select(school =>
            grains.Reference<ISchoolEnrolmentGrain>(ISchoolEnrolmentGrain.KeyOf(campaignId, school.Key)).Enrol(actor, school.Value)));
        var batch = new EnrolmentBatchResult(
            results.Sum(r => r.Created), results.Sum(r => r.Updated), results.Sum(r => r.Unchanged),
            [.. unreadable.OrderBy(r => r.Line), .. results.SelectMany(r => r.Rejected)]);
        await import.Record(rowsRead, batch);
        pending.Clear();
        unreadable.Clear();
    }

    /// <summary>
    /// The rows whose enrolment id is theirs to enrol: valid rows claim their ids for their school in the campaign's
    /// registry, one call per shard for the whole batch; a row whose id another school holds is refused (added to
    /// <paramref name="rejections"/>), as is an invalid row, which claims nothing.
    /// </summary>
    private async Task<Dictionary<string, List<EnrolmentRow>>> HeldOnce(
        Guid campaignId, Dictionary<string, List<EnrolmentRow>> pending, List<EnrolmentRejection> rejections)
    {
        var valid = new List<EnrolmentRow>();
        foreach (var row in pending.Values.SelectMany(rows => rows))
        {
            if (EnrolmentRowRules.Problem(row, row.SchoolCode) is { } problem)
            {
                rejections.Add(new EnrolmentRejection(row.Line, string.IsNullOrWhiteSpace(row.EnrolmentId) ? null : row.EnrolmentId, problem));
            }
            else
            {
                valid.Add(row);
            }
        }

        // Within a batch an id has one school (the reader refused it under a second one), so one claim per id.
        var answers = await Task.WhenAll(valid
            .GroupBy(row => IEnrolmentRegistryGrain.ShardOf(row.EnrolmentId))
            .Select(shard => grains.Reference<IEnrolmentRegistryGrain>(IEnrolmentRegistryGrain.KeyOf(campaignId, shard.Key))
                .Claim(shard.GroupBy(r => r.EnrolmentId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().SchoolCode, StringComparer.Ordinal))));
        var heldElsewhere = answers.SelectMany(a => a).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        var accepted = new Dictionary<string, List<EnrolmentRow>>(StringComparer.Ordinal);
        foreach (var row in valid)
        {
            if (heldElsewhere.TryGetValue(row.EnrolmentId, out var holder))
            {
                rejections.Add(new EnrolmentRejection(row.Line, row.EnrolmentId,
                    $"Enrolment {row.EnrolmentId} is already enrolled in this campaign at school {holder}."));
                continue;
            }

            if (!accepted.TryGetValue(row.SchoolCode, out var rows))
            {
                accepted[row.SchoolCode] = rows = [];
            }

            rows.Add(row);
        }

        return accepted;
    }
}
