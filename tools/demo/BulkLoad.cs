using System.Collections;
using System.Threading.Channels;
using Actors.Contracts.Requests.Index;
using Actors.Persistence.Migrations;
using Actors.Persistence.Requests;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Actors.Demo;

/// <summary>
/// Bulk mode: the plan's requests written straight into PostgreSQL's request index with binary COPY, row values taken
/// from <see cref="RequestIndexTable"/>'s own columns (as the outbox consumer writes them), in chunks. For the scale
/// benchmark: no grain, no outbox, so nothing but the index knows these requests (opening one reads its document).
/// </summary>
public sealed class BulkLoad(DemoPlan plan, string connectionString, TextWriter? output)
{
    private const int Chunk = 10_000;

    public async Task<DemoRunResult> RunAsync(CancellationToken cancellationToken = default)
    {
        await MigrationRunner.ApplyAsync(connectionString, NullLogger.Instance, cancellationToken);
        var table = new RequestIndexTable();
        var columns = table.Columns;
        var progress = new RunProgress("rows", plan.Requests, output);
        var byStatus = new Dictionary<Contracts.Requests.RequestStatus, int>();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var copy = $"COPY {table.Name} ({string.Join(", ", columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)";

        // The next chunk's rows are built on another core while this one is copied: the two took turns before, and
        // the load took as long as both together.
        var chunks = Channel.CreateBounded<(List<RequestIndexEntry> Entries, List<IList> Values)>(2);
        var producer = Task.Run(
            async () =>
            {
                try
                {
                    foreach (var chunk in plan.All().Chunk(Chunk))
                    {
                        var entries = chunk.Select(r => RequestIndexEntry.From(PlannedViews.Of(r))).ToList();
                        await chunks.Writer.WriteAsync((entries, columns.Select(c => (IList)c.Values(entries).Value!).ToList()), cancellationToken);
                    }

                    chunks.Writer.TryComplete();
                }
                catch (Exception ex)
                {
                    chunks.Writer.TryComplete(ex);
                }
            },
            cancellationToken);

        await using (var writer = await connection.BeginBinaryImportAsync(copy, cancellationToken))
        {
            var written = 0;
            try
            {
                await foreach (var (entries, values) in chunks.Reader.ReadAllAsync(cancellationToken))
                {
                    for (var row = 0; row < entries.Count; row++)
                    {
                        await writer.StartRowAsync(cancellationToken);
                        for (var column = 0; column < columns.Count; column++)
                        {
                            if (values[column][row] is { } value)
                            {
                                await writer.WriteAsync(value, columns[column].SqlType, cancellationToken);
                            }
                            else
                            {
                                await writer.WriteNullAsync(cancellationToken);
                            }
                        }

                        byStatus[entries[row].Status] = byStatus.GetValueOrDefault(entries[row].Status) + 1;
                    }

                    written += entries.Count;
                    progress.Report(written);
                }
            }
            catch
            {
                // Closing the channel ends the producer's wait to hand over its next chunk.
                chunks.Writer.TryComplete();
                throw;
            }

            await producer;
            await writer.CompleteAsync(cancellationToken);
        }

        progress.Report(plan.Requests, force: true);
        return new DemoRunResult(byStatus, [], progress.Elapsed);
    }
}
