using System.Collections;
using System.Collections.Concurrent;
using System.Threading.Channels;
using Actors.Contracts.Requests;
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
/// A load that at least doubles the index builds its secondary indexes after the rows are in (<see cref="DeferredIndexes"/>).
/// </summary>
/// <param name="streams">
/// COPY statements at once, each on its own connection and in its own transaction; as many index builds at once after
/// them. A COPY runs in one server process, which bounds the load: one stream per core lets the server use them all (a
/// million rows: 176 s with one stream on two cores, the indexes maintained row by row).
/// </param>
/// <param name="rowsPerChunk">
/// Rows handed to a stream at a time. Small enough that a chunk dies young (ten thousand rows and their JSON documents
/// outlived the youngest generation, and the generator spent a quarter of its time collecting).
/// </param>
public sealed class BulkLoad(DemoPlan plan, string connectionString, TextWriter? output, int streams = 1, int rowsPerChunk = 1_000)
{
    public async Task<DemoRunResult> RunAsync(CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(streams, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(rowsPerChunk, 1);
        await MigrationRunner.ApplyAsync(connectionString, NullLogger.Instance, cancellationToken);
        var table = new RequestIndexTable();
        var columns = table.Columns;
        var progress = new RunProgress("rows", plan.Requests, output);
        var byStatus = new ConcurrentDictionary<RequestStatus, int>();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var copy = $"COPY {table.Name} ({string.Join(", ", columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)";
        var deferred = await DeferredIndexes.DropForLoadAsync(dataSource, table.Name, plan.Requests, cancellationToken);

        // Chunks are built on one core while the streams copy the ones before: building and copying took turns before,
        // and the load took as long as both together. (A builder per stream was tried with the indexes built after the
        // rows: no faster on two cores, where the generator and PostgreSQL already share both.)
        var chunks = Channel.CreateBounded<(List<RequestIndexEntry> Entries, List<IList> Values)>(streams + 1);
        var producer = Task.Run(
            async () =>
            {
                try
                {
                    foreach (var chunk in plan.All().Chunk(rowsPerChunk))
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

        var written = 0;
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        async Task CopyAsync()
        {
            try
            {
                await CopyChunksAsync(failed.Token);
            }
            catch
            {
                // The other streams give up too (a COPY not completed rolls back), and the producer stops waiting to
                // hand over its next chunk. A stream that had already completed keeps its rows: load into an empty
                // database again.
                chunks.Writer.TryComplete();
                await failed.CancelAsync();
                throw;
            }
        }

        async Task CopyChunksAsync(CancellationToken token)
        {
            await using var connection = await dataSource.OpenConnectionAsync(token);
            await using var writer = await connection.BeginBinaryImportAsync(copy, token);
            await foreach (var (entries, values) in chunks.Reader.ReadAllAsync(token))
            {
                for (var row = 0; row < entries.Count; row++)
                {
                    await writer.StartRowAsync(token);
                    for (var column = 0; column < columns.Count; column++)
                    {
                        if (values[column][row] is { } value)
                        {
                            await writer.WriteAsync(value, columns[column].SqlType, token);
                        }
                        else
                        {
                            await writer.WriteNullAsync(token);
                        }
                    }

                    byStatus.AddOrUpdate(entries[row].Status, 1, (_, count) => count + 1);
                }

                progress.Report(Interlocked.Add(ref written, entries.Count));
            }

            await writer.CompleteAsync(token);
        }

        try
        {
            await Task.WhenAll(Enumerable.Range(0, streams).Select(_ => Task.Run(CopyAsync, cancellationToken)));
            await producer;
        }
        finally
        {
            var building = System.Diagnostics.Stopwatch.StartNew();
            await deferred.RebuildAsync(dataSource, streams);
            if (deferred.Names.Count > 0)
            {
                output?.WriteLine($"{deferred.Names.Count} indexes of {table.Name} built after the rows in {building.Elapsed.TotalSeconds:F1} s");
            }
        }

        progress.Report(plan.Requests, force: true);
        return new DemoRunResult(byStatus.ToDictionary(), [], progress.Elapsed);
    }
}
